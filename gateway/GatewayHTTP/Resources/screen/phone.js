// 安澜 一键通: the phone page of a township or village cadre. Plain ES module, no dependencies.
// Uses /api/transfers/{code}, /api/transfers/{code}/scan, /api/incidents, /api/incidents/{id}/field-reports,
// /api/shelters/nearby and /api/landing/nearest.

import { callAPI } from './api.js';

const $ = (selector) => document.querySelector(selector);
const n = (v) => Number(v ?? 0) || 0;
const num = (v) => new Intl.NumberFormat('en-US').format(n(v));
const esc = (t) => String(t ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

const STATE_ZH = { 'to-call': '待叫应', called: '已叫应', moved: '已转移', returned: '已返回', refused: '拒绝转移', unreachable: '联系不上' };
const ACTION_ZH = { confirm: '叫应', move: '转移', return: '返回', refuse: '拒绝转移', unreachable: '联系不上' };
const NEED_ZH = { elderly: '老人', disabled: '残疾', bedridden: '卧床', 'child-alone': '留守儿童' };
// TransferAction.allowedFrom (Services/Evacuation/EvacuationAPI/TransferAction.swift).
const ALLOWED_FROM = {
  confirm: ['to-call', 'unreachable', 'refused'],
  move: ['to-call', 'called', 'unreachable', 'refused'],
  return: ['moved'],
  refuse: ['to-call', 'called', 'unreachable'],
  unreachable: ['to-call', 'called'],
};
const SHELTER_KIND_ZH = { school: '学校', gymnasium: '体育馆', 'community-hall': '文化礼堂', 'purpose-built': '专用场所', other: '其他' };
const LANDING_KIND_ZH = { heliport: '直升机场', 'hospital-helipad': '医院停机坪', 'motorway-service-area': '高速服务区', 'temporary-field': '临时起降场', other: '其他' };
const LANDING_STATUS_ZH = { available: '可用', restricted: '限制使用', 'out-of-service': '停用' };
const ERROR_ZH = {
  invalidArgument: '填写有误', unauthenticated: '未登录', permissionDenied: '无权操作', notFound: '未找到', alreadyExists: '已存在',
  failedPrecondition: '当前状态不允许此操作', deadlineExceeded: '请求超时', unavailable: '服务暂不可用',
  notProcessed: '未处理，请重试', internal: '系统错误',
};

// ---------------------------------------------------------------- helpers

function show(message, kind = 'ok') {
  const box = $('#result');
  box.hidden = false;
  box.className = kind;
  box.textContent = message;
  clearTimeout(show.timer);
  if (kind === 'ok') show.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

function api(path, body) {
  return callAPI(path, body, { errors: ERROR_ZH, offline: '网络不通，请稍后重试' });
}

function clock(ms) {
  if (!ms) return '';
  const d = new Date(n(ms));
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function randomKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function actor() { return $('#actor').value.trim(); }

function coordinates() {
  const lat = parseFloat($('#lat').value), lon = parseFloat($('#lon').value);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

// ---------------------------------------------------------------- transfer code (TransferCode.swift)

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';

/** The canonical code, or throws why the text is not one. */
function parseCode(text) {
  let code = String(text).trim().toUpperCase();
  if (code.startsWith('ANLAN-TC:')) code = code.slice('ANLAN-TC:'.length);
  code = [...code].filter((c) => c !== '-' && c !== ' ').map((c) => (c === 'O' ? '0' : c === 'I' || c === 'L' ? '1' : c)).join('');
  if (code.length !== 9) throw new Error(`转移码应为 9 位，现为 ${code.length} 位`);
  let value = 0;
  for (const c of code.slice(0, 8)) {
    const digit = ALPHABET.indexOf(c);
    if (digit < 0) throw new Error(`“${c}”不是转移码字符`);
    value = value * 32 + digit; // 40 bits: exact in a double
  }
  if (code[8] !== CHECK_ALPHABET[value % 37]) throw new Error('校验位不符，请核对转移码是否输错');
  return code;
}

// ---------------------------------------------------------------- 码上转

let task = null;

async function lookup() {
  let code;
  try {
    code = parseCode($('#code').value);
  } catch (error) {
    show(error.message, 'bad');
    return;
  }
  $('#code').value = code;
  const button = $('#lookup');
  button.disabled = true;
  try {
    task = await api(`/api/transfers/${encodeURIComponent(code)}`);
    renderTask();
    show(`已找到：${task.name}`);
  } catch (error) {
    task = null;
    $('#person').hidden = true;
    show(`查询失败：${error.message}`, 'bad');
  } finally {
    button.disabled = false;
  }
}

function renderTask() {
  if (!task) return;
  $('#person').hidden = false;
  $('#person-name').textContent = task.name;
  const state = $('#state');
  state.dataset.state = task.state;
  state.textContent = STATE_ZH[task.state] ?? task.state;
  const needs = (task.needs ?? []).map((x) => NEED_ZH[x] ?? x).join('、');
  $('#person-info').innerHTML = `<div>${esc(task.village)}${task.regionCode ? `（${esc(task.regionCode)}）` : ''}</div>`
    + (task.vulnerable || needs ? `<div class="needs">重点人员：${esc(needs || '是')}</div>` : '')
    + (task.cadre ? `<div>责任人：${esc(task.cadre)}</div>` : '')
    + (task.phone ? `<div>电话：<a href="tel:${esc(task.phone)}">${esc(task.phone)}</a></div>` : '')
    + (task.shelterID ? `<div>安置场所：${esc(task.shelterID)}</div>` : '')
    + `<div class="muted">预警 ${esc(task.warningID)} · 转移码 ${esc(task.transferCode)}</div>`;
  for (const button of document.querySelectorAll('#person button[data-action]')) {
    const action = button.dataset.action === 'shelter' ? 'move' : button.dataset.action;
    button.disabled = !(ALLOWED_FROM[action] ?? []).includes(task.state);
  }
  $('#history').innerHTML = (task.history ?? []).map((e) => `<li><time>${clock(e.recordedAtMilliseconds)}</time> ${esc(e.actor)}：${esc(ACTION_ZH[e.action] ?? e.action)}`
    + `（${esc(STATE_ZH[e.fromState] ?? e.fromState)} → ${esc(STATE_ZH[e.toState] ?? e.toState)}）${e.shelterID ? ` 至 ${esc(e.shelterID)}` : ''}${e.note ? ` ${esc(e.note)}` : ''}</li>`).join('')
    || '<li class="muted">暂无记录</li>';
}

async function scan(button) {
  if (!task) return;
  const name = actor();
  if (!name) { show('请先填写“我的姓名”', 'bad'); $('#actor').focus(); return; }
  let action = button.dataset.action;
  let shelterID = '';
  if (action === 'shelter') {
    shelterID = $('#shelter').value;
    if (!shelterID) { show('请先选择安置场所（点“查询附近”）', 'bad'); return; }
    action = 'move';
  }
  for (const b of document.querySelectorAll('#person button[data-action]')) b.disabled = true;
  try {
    task = await api(`/api/transfers/${encodeURIComponent(task.transferCode)}/scan`, {
      transferCode: task.transferCode, warningID: task.warningID ?? '', action, actor: name, shelterID,
    });
    show(`已记录：${task.name} ${STATE_ZH[task.state] ?? task.state}`);
  } catch (error) {
    show(`记录失败：${error.message}`, 'bad');
  }
  renderTask();
}

// ---------------------------------------------------------------- camera (BarcodeDetector where the browser has it)

async function startScan() {
  const video = $('#camera');
  let stream;
  try {
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const started = Date.now();
    while (Date.now() - started < 30000) {
      const codes = await detector.detect(video);
      const hit = codes.find((c) => c.rawValue);
      if (hit) {
        $('#code').value = hit.rawValue;
        lookup();
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    show(`无法扫码，请手动输入转移码（${error.message}）`, 'bad');
  } finally {
    stream?.getTracks().forEach((t) => t.stop());
    video.hidden = true;
  }
}

// ---------------------------------------------------------------- 上报事件

async function report(event) {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  const where = coordinates();
  if (!where) { show('请先获取当前位置，或手动填写经纬度', 'bad'); return; }
  const reporter = String(data.get('reporter') || '').trim() || actor();
  if (!reporter) { show('请填写报告人或“我的姓名”', 'bad'); return; }
  // One key per report until it succeeds: a retry over a bad link reports once.
  let key = localStorage.getItem('anlan.reportKey');
  if (!key) { key = randomKey(); localStorage.setItem('anlan.reportKey', key); }
  const incident = {
    kind: data.get('kind'), title: String(data.get('title')).trim(), latitude: where.lat, longitude: where.lon,
    regionCode: String(data.get('regionCode') || '').trim(), severity: data.get('severity'),
    responseLevel: data.get('responseLevel'), affected: n(data.get('affected')), reporter, reportKey: key,
  };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const answer = await api('/api/incidents', incident);
    localStorage.removeItem('anlan.reportKey');
    show(`已上报，事件编号 ${answer.id}`);
    form.reset();
    $('#field-form').elements.incidentID.value = answer.id;
  } catch (error) {
    show(`上报失败：${error.message}（可再次点“上报”，不会重复）`, 'bad');
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- 现场报告

async function fieldReport(event) {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  const id = String(data.get('incidentID')).trim();
  const reporter = actor();
  if (!reporter) { show('请先填写“我的姓名”', 'bad'); return; }
  const body = { incidentID: id, reporter, note: String(data.get('note') || '').trim() };
  for (const key of ['affected', 'dead', 'injured', 'missing']) {
    const value = String(data.get(key) ?? '').trim();
    if (value !== '') body[key] = n(value);
  }
  if (data.get('responseLevel')) body.responseLevel = data.get('responseLevel');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await api(`/api/incidents/${encodeURIComponent(id)}/field-reports`, body);
    show(`现场报告已提交（${id}）`);
    for (const key of ['affected', 'dead', 'injured', 'missing', 'note']) form.elements[key].value = '';
  } catch (error) {
    show(`提交失败：${error.message}`, 'bad');
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- 附近

async function nearby() {
  const where = coordinates();
  if (!where) { show('请先获取当前位置，或手动填写经纬度', 'bad'); return; }
  const q = `lat=${where.lat}&lon=${where.lon}`;
  const [shelters, points] = await Promise.allSettled([api(`/api/shelters/nearby?${q}`), api(`/api/landing/nearest?${q}`)]);
  if (shelters.status === 'fulfilled') {
    const list = shelters.value?.shelters ?? [];
    $('#shelters').innerHTML = list.map(({ shelter: s, distanceKilometres: d }) => `<li><b>${esc(s.name)}</b><span>${n(d).toFixed(1)} 公里</span>`
      + `<div class="muted">${esc(SHELTER_KIND_ZH[s.kind] ?? s.kind)} · 容量 ${num(s.capacity)} · 在住 ${num(s.occupancy)} · 空余 ${num(Math.max(0, n(s.capacity) - n(s.occupancy)))}</div></li>`).join('')
      || '<li class="muted">附近没有空余场所</li>';
    $('#shelter').innerHTML = '<option value="">请选择安置场所</option>' + list.map(({ shelter: s, distanceKilometres: d }) =>
      `<option value="${esc(s.id)}">${esc(s.name)}（${n(d).toFixed(1)} 公里，空余 ${num(Math.max(0, n(s.capacity) - n(s.occupancy)))}）</option>`).join('');
  } else {
    $('#shelters').innerHTML = `<li class="bad">${esc(shelters.reason.message)}</li>`;
  }
  if (points.status === 'fulfilled') {
    $('#landing').innerHTML = (points.value?.points ?? []).map(({ point: p, distanceKilometres: d }) => `<li><b>${esc(p.name)}</b><span>${n(d).toFixed(1)} 公里</span>`
      + `<div class="muted">${esc(LANDING_KIND_ZH[p.kind] ?? p.kind)} · ${esc(LANDING_STATUS_ZH[p.status] ?? p.status)}${p.phone ? ` · <a href="tel:${esc(p.phone)}">${esc(p.phone)}</a>` : ''}</div></li>`).join('')
      || '<li class="muted">附近没有可用起降点</li>';
  } else {
    $('#landing').innerHTML = `<li class="bad">${esc(points.reason.message)}</li>`;
  }
  if (shelters.status === 'rejected' || points.status === 'rejected') show('部分查询失败，见列表', 'bad');
}

function locate(quiet = false) {
  if (!navigator.geolocation) { if (!quiet) show('此浏览器不能定位，请手动填写经纬度', 'bad'); return; }
  navigator.geolocation.getCurrentPosition((position) => {
    $('#lat').value = position.coords.latitude.toFixed(5);
    $('#lon').value = position.coords.longitude.toFixed(5);
    localStorage.setItem('anlan.position', JSON.stringify([$('#lat').value, $('#lon').value]));
    if (!quiet) show(`已定位（精度约 ${Math.round(position.coords.accuracy)} 米）`);
  }, (error) => {
    if (!quiet) show(`无法定位，请手动填写经纬度（${error.message}）`, 'bad');
  }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
}

// ---------------------------------------------------------------- wiring

function start() {
  const actorField = $('#actor');
  actorField.value = localStorage.getItem('anlan.actor') ?? '';
  actorField.addEventListener('change', () => localStorage.setItem('anlan.actor', actor()));
  try {
    const [lat, lon] = JSON.parse(localStorage.getItem('anlan.position') ?? '[]');
    if (lat) { $('#lat').value = lat; $('#lon').value = lon; }
  } catch { /* ignore */ }
  for (const id of ['#lat', '#lon']) {
    $(id).addEventListener('change', () => localStorage.setItem('anlan.position', JSON.stringify([$('#lat').value, $('#lon').value])));
  }
  $('#locate').addEventListener('click', () => locate(false));
  $('#lookup').addEventListener('click', lookup);
  $('#code').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); lookup(); } });
  if ('BarcodeDetector' in window && navigator.mediaDevices?.getUserMedia) {
    $('#scan').hidden = false;
    $('#scan').addEventListener('click', startScan);
  }
  $('#person').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (button && !button.disabled) scan(button);
  });
  $('#report-form').addEventListener('submit', report);
  $('#field-form').addEventListener('submit', fieldReport);
  $('#nearby').addEventListener('click', nearby);
  $('#result').addEventListener('click', () => { $('#result').hidden = true; });
  if (!$('#lat').value) locate(true);
}

start();
