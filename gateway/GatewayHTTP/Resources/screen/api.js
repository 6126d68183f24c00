// The JSON call both pages make to their gateway (/api/…): a GET, or a POST of `body` as JSON. Throws an
// Error whose message is Chinese: `offline` when the gateway cannot be reached, else the label `errors`
// gives the server's error name, with the server's message.
export async function callAPI(path, body, { errors, offline }) {
  const init = { headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new Error(`${offline}（${error.message}）`);
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (response.status === 401 && path !== '/api/session') showSignIn(data?.message ?? '请先登录');
  if (!response.ok) {
    const label = errors[data?.error] ?? `请求失败（HTTP ${response.status}）`;
    throw new Error(data?.message ? `${label}：${data.message}` : label);
  }
  return data;
}

// A gateway with identities answers 401 until someone signs in (工号 and 密码 from its roster): the
// form covers the page; once signed in (an HTTP-only session cookie) the page starts again.
export function showSignIn(message) {
  if (document.getElementById('anlan-signin')) return;
  const form = document.createElement('form');
  form.id = 'anlan-signin';
  form.setAttribute('aria-label', '登录');
  form.style.cssText = 'position:fixed;inset:0;z-index:1000;display:flex;flex-direction:column;gap:12px;'
    + 'align-items:center;justify-content:center;background:rgba(6,16,32,0.96);color:#e8f0ff;font-size:18px';
  form.innerHTML = '<h2 style="margin:0">安澜 · 值班登录</h2><p class="signin-note" style="margin:0;color:#ffb080"></p>'
    + '<label>工号 <input name="user" autocomplete="username" required></label>'
    + '<label>密码 <input name="password" type="password" autocomplete="current-password" required></label>'
    + '<button type="submit">登录</button>';
  const note = form.querySelector('.signin-note');
  note.textContent = message;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { id: form.elements.namedItem('user').value, password: form.elements.namedItem('password').value };
    try {
      await callAPI('/api/session', body, { errors: { unauthenticated: '登录失败', invalidArgument: '登录失败' }, offline: '网关无法连接' });
      window.location.reload();
    } catch (error) {
      note.textContent = error.message;
    }
  });
  document.body.appendChild(form);
}
