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
  if (!response.ok) {
    const label = errors[data?.error] ?? `请求失败（HTTP ${response.status}）`;
    throw new Error(data?.message ? `${label}：${data.message}` : label);
  }
  return data;
}
