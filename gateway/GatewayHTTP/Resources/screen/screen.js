// 安澜 duty-room screen (一图一屏). Plain ES module, no dependencies: everything comes from the gateway.
// Data: /api/events (live summary + counties), /api/summary, /api/counties, /api/children,
// /api/warnings, /api/incidents…, the boundaries from /assets/screen/zhejiang.geojson.

import { callAPI } from './api.js';

const GEOJSON = '/assets/screen/zhejiang.geojson';
const DRILL_REFRESH_MS = 5000;
const INCIDENTS_REFRESH_MS = 10000;
const WARNINGS_REFRESH_MS = 30000;
const INDEX_REFRESH_MS = 10000;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------- labels

const COLOURS = ['red', 'orange', 'yellow', 'blue', 'green'];
const COLOUR_ZH = { red: '红', orange: '橙', yellow: '黄', blue: '蓝', green: '绿', none: '无数据' };
const WARNING_RANK = { red: 1, orange: 2, yellow: 3, blue: 4 };
const TIER_ZH = { 1: '省级', 2: '市级', 3: '县级', 4: '乡级' };
const FRESHNESS_ZH = { fresh: '正常', stale: '数据滞后', missing: '失联' };
const SERVICE_ZH = {
  'hazard-survey': '风险普查', 'material-reserve': '物资储备', 'aviation-landing': '航空起降点',
  'training-records': '培训记录', evacuation: '转移避险', 'emergency-response': '应急响应',
};
const HAZARD_TYPE_ZH = {
  earthquake: '地震', landslide: '滑坡', collapse: '崩塌', 'debris-flow': '泥石流', 'ground-subsidence': '地面塌陷',
  typhoon: '台风', rainstorm: '暴雨', 'snow-ice': '冰雪', 'river-flood': '江河洪水', 'flash-flood': '山洪',
  'urban-waterlogging': '城市内涝', 'storm-surge': '风暴潮', 'forest-fire': '森林火灾',
};
const BAND_ZH = ['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级', 'Ⅴ级', 'Ⅵ级', 'Ⅶ级'];
const GRADE_ZH = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' };
const CATEGORY_ZH = { 1: '基本生活保障物资', 2: '应急装备及配套物资', 3: '工程材料与机械加工设备' };
const ITEM_ZH = {
  2010101: '安全帽', 2010301: '雨衣雨靴', 2020101: '手电筒', 2030101: '救生衣', 2040101: '卫星电话',
  2050101: '发电机', 3010201: '排水泵',
};
const LANDING_KIND_ZH = {
  heliport: '直升机场', 'hospital-helipad': '医院停机坪', 'motorway-service-area': '高速服务区',
  'temporary-field': '临时起降场', other: '其他',
};
const LANDING_STATUS_ZH = { available: '可用', restricted: '限制使用', 'out-of-service': '停用' };
const ROLE_ZH = {
  cadre: '领导干部', 'enforcement-officer': '执法人员', 'information-officer-a': '灾害信息员(A岗)',
  'information-officer-b': '灾害信息员(B岗)', 'flood-control-responsible': '防汛责任人',
  'enterprise-principal': '企业主要负责人', 'safety-manager': '安全管理人员',
  'special-operations-worker': '特种作业人员', employee: '从业人员',
};
const TEAM_KIND_ZH = { 'fire-rescue': '消防救援', professional: '专业救援', social: '社会力量', aviation: '航空救援' };
const TEAM_KINDS = ['fire-rescue', 'professional', 'social', 'aviation'];
const READINESS_ZH = { standby: '待命', deployed: '出动', resting: '休整', unavailable: '不可用' };
const READINESS = ['standby', 'deployed', 'resting', 'unavailable'];
const LEVEL_ZH = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' };
const LEVELS = ['I', 'II', 'III', 'IV'];
const INCIDENT_KIND_ZH = {
  flood: '洪涝', typhoon: '台风', landslide: '地质灾害', 'forest-fire': '森林火灾',
  'hazardous-chemicals': '危化品事故', 'building-collapse': '建筑坍塌', 'mine-tunnel': '矿山隧道事故',
  outage: '电力通信中断',
};
const SEVERITY_ZH = { extraordinary: '特别重大', major: '重大', large: '较大', ordinary: '一般' };
const STATUS_ZH = { reported: '已报告', responding: '处置中', closed: '已结束' };
const TIMELINE_ZH = {
  reported: '事件报告', 'field-report': '现场报告', dispatched: '调度', arrived: '到达', 'status-changed': '状态变更',
};
const SPECIALTY_ZH = {
  'flood-water': '水域救援', 'mountain-collapse': '山地/坍塌搜救', 'hazardous-chemicals': '危化品救援',
  'forest-fire': '森林灭火', medical: '医疗救护', 'power-communications': '电力通信抢修', 'mine-tunnel': '矿山隧道救援',
};
const TEAM_OUTCOME_ZH = { approved: '已出动', cancelled: '已撤销', failed: '失败', unknown: '待核实' };
const ORDER_OUTCOME_ZH = { approved: '已批准', cancelled: '已撤销', failed: '失败', unknown: '待核实' };
const ERROR_ZH = {
  invalidArgument: '请求有误', unauthenticated: '未登录', permissionDenied: '无权操作', notFound: '未找到', alreadyExists: '已存在',
  failedPrecondition: '当前状态不允许', deadlineExceeded: '请求超时', unavailable: '服务暂不可用',
  notProcessed: '未处理', internal: '内部错误',
};

const LAYERS = [
  { id: 'hazard', label: '隐患点', colour: '#ff9f43', value: (s) => sum(s.hazard?.pointCells, 'points') },
  { id: 'reserve', label: '储备库', colour: '#2ec4b6', value: (s) => n(s.reserve?.storagePoints) },
  { id: 'landing', label: '起降点', colour: '#b197fc', value: (s) => sum(s.landing?.cells, 'points') },
  { id: 'teams', label: '救援队伍', colour: '#4dabf7', value: (s) => sum(s.response?.teams, 'teams') },
  { id: 'shelters', label: '避灾安置场所', colour: '#94d82d', value: (s) => n(s.evacuation?.shelters) },
  { id: 'incidents', label: '事件', colour: '#ff4d4f' },
];

// ---------------------------------------------------------------- helpers

const $ = (selector, root = document) => root.querySelector(selector);
const n = (value) => Number(value ?? 0) || 0;
const sum = (list, key) => (list ?? []).reduce((total, item) => total + n(item[key]), 0);
const thousands = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1,234 */
function num(value) { return thousands.format(n(value)); }
/** 1,234 below 100,000; 352.4 万 from there on. */
function big(value) {
  const v = n(value);
  if (Math.abs(v) < 100000) return num(v);
  return `${(v / 10000).toFixed(1).replace(/\.0$/, '')}<small> 万</small>`;
}
/** 87.5% (— when nothing to divide by). */
function pct(part, whole) {
  if (!n(whole)) return '—';
  return `${(n(part) * 100 / n(whole)).toFixed(1)}%`;
}
function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
/** An age in seconds, minutes, hours or days. */
function age(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分钟`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
  return `${Math.floor(s / 86400)} 天`;
}
function duration(seconds) {
  const s = n(seconds);
  if (s < 3600) return `${Math.round(s / 60)} 分钟`;
  return `${(s / 3600).toFixed(1)} 小时`;
}
function hours(h) { return n(h) < 1 ? `${Math.round(n(h) * 60)} 分钟` : `${n(h).toFixed(1)} 小时`; }
function clock(ms, withDate = false) {
  if (!ms) return '—';
  const d = new Date(ms);
  const p = (x) => String(x).padStart(2, '0');
  const t = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return withDate ? `${d.getMonth() + 1}月${d.getDate()}日 ${t}` : t;
}
function kv(label, value, cls = '') {
  return `<div class="kv ${cls}"><b>${value}</b><span>${label}</span></div>`;
}
function bar(part, whole, cls = '') {
  const w = n(whole) ? Math.min(100, (n(part) * 100) / n(whole)) : 0;
  return `<div class="bar ${cls}"><i style="width:${w.toFixed(1)}%"></i></div>`;
}

/** A JSON call; throws an Error whose message is Chinese, with the server's message. */
function api(path, body) {
  return callAPI(path, body, { errors: ERROR_ZH, offline: '网络连接失败' });
}

// ---------------------------------------------------------------- state

const S = {
  top: null,               // the gateway's live RegionSummary
  counties: new Map(),     // county code → RegionSummary
  countiesKnown: false,
  warnings: [],
  incidents: [],
  drill: null,             // { code, data: DrillDown | null, error }
  tab: 'static',
  index: null,             // IndexReport of the shown region: its two indices and its children ranked
  indexKind: 'natural-disaster',
  layers: new Set(['incidents']),
  lastEvent: 0,
  ready: false,
  openIncident: null,      // id
  proposal: null,
};

const G = {
  features: [],             // all
  byCode: new Map(),        // code → feature (province, city, county)
  names: new Map(),         // code → name (townships too)
  provinceCode: '330000',
  paths: new Map(),         // county code → path element
  centroids: new Map(),     // county code → [x, y]
  bounds: new Map(),        // code → [x0, y0, x1, y1]
  view: null,               // current viewBox [x, y, w, h]
  loaded: false,
};

const nameOf = (code) => G.names.get(code) ?? code;

// ---------------------------------------------------------------- map

const K = 1000; // map units per degree of latitude
let LAT0 = 30, LON0 = 120, KX = K;

function project(lon, lat) { return [(lon - LON0) * KX, (LAT0 - lat) * K]; }

function polygonsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function pathData(geometry, box) {
  let d = '';
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      ring.forEach(([lon, lat], i) => {
        const [x, y] = project(lon, lat);
        if (x < box[0]) box[0] = x; if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x; if (y > box[3]) box[3] = y;
        d += `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

/** The area-weighted centroid of the feature's largest polygon (its outer ring), projected. */
function centroid(geometry) {
  let best = null, bestArea = 0;
  for (const polygon of polygonsOf(geometry)) {
    const ring = polygon[0].map(([lon, lat]) => project(lon, lat));
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = [cx / (3 * a), cy / (3 * a)]; }
  }
  return best;
}

function svgEl(tag, attributes = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

function buildMap(geo) {
  G.features = geo.features;
  for (const f of geo.features) {
    G.byCode.set(f.properties.code, f);
    G.names.set(f.properties.code, f.properties.name);
    if (f.properties.tier === 'province') G.provinceCode = f.properties.code;
  }
  for (const [code, name] of Object.entries(geo.townships ?? {})) G.names.set(code, name);
  // Projection: equirectangular around the province's middle, x scaled by cos(lat).
  let lon0 = 180, lon1 = -180, lat0 = 90, lat1 = -90;
  for (const f of geo.features) {
    for (const polygon of polygonsOf(f.geometry)) for (const [lon, lat] of polygon[0]) {
      lon0 = Math.min(lon0, lon); lon1 = Math.max(lon1, lon); lat0 = Math.min(lat0, lat); lat1 = Math.max(lat1, lat);
    }
  }
  LON0 = lon0; LAT0 = lat1; KX = K * Math.cos(((lat0 + lat1) / 2) * Math.PI / 180);

  const svg = $('#map');
  svg.replaceChildren();
  const defs = svgEl('defs');
  defs.innerHTML = `
    <pattern id="hatch-stale" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="3" height="8" fill="rgba(255,255,255,.55)"/></pattern>
    <pattern id="hatch-missing" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(-45)">
      <rect width="2" height="8" fill="rgba(20,24,32,.85)"/></pattern>`;
  svg.append(defs);
  const counties = svgEl('g', { id: 'counties' });
  const hatches = svgEl('g', { id: 'hatches' });
  const cities = svgEl('g', { id: 'cities' });
  const labels = svgEl('g', { id: 'labels' });
  const layers = svgEl('g', { id: 'layer-marks' });
  const markers = svgEl('g', { id: 'incident-marks' });
  svg.append(counties, hatches, cities, labels, layers, markers);

  for (const f of geo.features) {
    const { code, name, tier, parent_code: parent } = f.properties;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const d = pathData(f.geometry, box);
    G.bounds.set(code, box);
    if (tier === 'county') {
      const path = svgEl('path', {
        d, class: 'county', 'data-code': code, 'data-parent': parent, 'data-colour': 'none', 'data-freshness': 'missing',
      });
      path.append(svgEl('title'));
      counties.append(path);
      G.paths.set(code, path);
      G.centroids.set(code, centroid(f.geometry));
    } else if (tier === 'city') {
      cities.append(svgEl('path', { d, class: 'city-border', 'data-code': code }));
      const c = centroid(f.geometry);
      const label = svgEl('text', { x: c[0].toFixed(1), y: c[1].toFixed(1), class: 'city-label', 'data-code': code });
      label.textContent = name;
      labels.append(label);
    } else if (tier === 'province') {
      cities.append(svgEl('path', { d, class: 'province-border', 'data-code': code }));
    }
  }
  G.loaded = true;
}

/** Static risk (docs/SCREEN.md): the worse of people at risk in band 1–2 points and band 1 points. */
function staticColour(summary) {
  // A county with no surveyed point has no risk picture: "no data", never "low".
  if (!(summary?.hazard?.pointCells ?? []).some((cell) => n(cell.points) > 0)) return 'none';
  let people = 0, band1 = 0;
  for (const cell of summary?.hazard?.pointCells ?? []) {
    if (cell.band === 1 || cell.band === 2) people += n(cell.populationAtRisk);
    if (cell.band === 1) band1 += n(cell.points);
  }
  const byPeople = people >= 20000 ? 1 : people >= 10000 ? 2 : people >= 5000 ? 3 : people >= 1000 ? 4 : 5;
  const byPoints = band1 >= 100 ? 1 : band1 >= 50 ? 2 : band1 >= 20 ? 3 : band1 >= 1 ? 4 : 5;
  return COLOURS[Math.min(byPeople, byPoints) - 1];
}

/** The warnings in force of a lead time that cover the county, its city, the province (or one of its townships). */
function warningsFor(code, parent, lead) {
  return S.warnings.filter((w) => n(w.leadTimeHours || 24) === lead && (!w.status || w.status === 'active')
    && (w.regionCodes ?? []).some((r) => r === code || r === parent || r === G.provinceCode
      || (r.length > 6 && r.startsWith(code))));
}
function warningColour(code, parent, lead) {
  let rank = 5;
  for (const w of warningsFor(code, parent, lead)) rank = Math.min(rank, WARNING_RANK[w.level] ?? 4);
  return COLOURS[rank - 1];
}

function freshnessOf(code) {
  const s = S.counties.get(code);
  if (!s) return 'missing';
  return s.freshness || 'fresh';
}

function inScope(code, parent) {
  const top = S.top?.regionCode ?? G.provinceCode;
  return top === G.provinceCode || code === top || parent === top || top.startsWith(code);
}

function paintMap() {
  if (!G.loaded) return;
  const now = Date.now();
  const hatches = $('#hatches');
  hatches.replaceChildren();
  for (const [code, path] of G.paths) {
    const parent = path.dataset.parent;
    const scoped = inScope(code, parent);
    path.classList.toggle('outside', !scoped);
    const summary = S.counties.get(code);
    const freshness = scoped ? freshnessOf(code) : 'missing';
    let colour;
    if (!scoped) colour = 'none';
    else if (S.tab === 'static') colour = freshness === 'missing' ? 'none' : staticColour(summary);
    else if (S.tab === 'index') colour = indexColour(code, parent);
    else colour = warningColour(code, parent, Number(S.tab));
    path.dataset.colour = colour;
    path.dataset.freshness = freshness;
    const drilled = S.drill && (S.drill.code === code || S.drill.code === parent);
    path.classList.toggle('dim', !!S.drill && !drilled && S.drill.code !== S.top?.regionCode);
    path.classList.toggle('selected', S.drill?.code === code);
    let note = `${nameOf(code)} · ${COLOUR_ZH[colour]}`;
    if (freshness === 'stale') note += ` · 数据滞后 ${age(now - n(summary?.asOfMilliseconds))}`;
    if (freshness === 'missing' && scoped) note += ' · 失联';
    path.firstChild.textContent = note;
    if (scoped && freshness !== 'fresh' && (freshness === 'stale' || (S.tab !== 'static' && S.tab !== 'index'))) {
      const overlay = svgEl('path', { d: path.getAttribute('d'), class: `hatch ${freshness}`, fill: `url(#hatch-${freshness})` });
      hatches.append(overlay);
    }
  }
  paintLayers();
  renderLegend();
}

function unitsPerPixel() {
  const svg = $('#map');
  const w = svg.clientWidth || 1, h = svg.clientHeight || 1;
  const [, , vw, vh] = G.view ?? [0, 0, 1, 1];
  return Math.max(vw / w, vh / h);
}

function paintLayers() {
  const g = $('#layer-marks');
  const marks = $('#incident-marks');
  if (!g) return;
  g.replaceChildren();
  marks.replaceChildren();
  const upp = unitsPerPixel();
  const active = LAYERS.filter((l) => l.value && S.layers.has(l.id));
  active.forEach((layer, index) => {
    const values = [];
    for (const [code, path] of G.paths) {
      if (path.classList.contains('outside')) continue;
      const s = S.counties.get(code);
      if (s) values.push([code, layer.value(s)]);
    }
    const max = Math.max(1, ...values.map(([, v]) => v));
    const angle = (index / Math.max(1, active.length)) * 2 * Math.PI;
    const shift = active.length > 1 ? 7 * upp : 0;
    for (const [code, v] of values) {
      if (v <= 0) continue;
      const [x, y] = G.centroids.get(code);
      const r = (3 + 15 * Math.sqrt(v / max)) * upp;
      const circle = svgEl('circle', {
        cx: (x + Math.cos(angle) * shift).toFixed(1), cy: (y + Math.sin(angle) * shift).toFixed(1), r: r.toFixed(1),
        class: 'mark', fill: layer.colour, 'data-layer': layer.id, 'data-code': code,
      });
      const title = svgEl('title');
      title.textContent = `${nameOf(code)} ${layer.label} ${num(v)}`;
      circle.append(title);
      g.append(circle);
    }
  });
  if (S.layers.has('incidents')) {
    for (const incident of S.incidents) {
      if (!incident.latitude && !incident.longitude) continue;
      const [x, y] = project(n(incident.longitude), n(incident.latitude));
      const r = 9 * upp;
      const marker = svgEl('path', {
        d: `M${x.toFixed(1)} ${(y - r * 1.3).toFixed(1)}L${(x + r).toFixed(1)} ${(y + r * 0.7).toFixed(1)}L${(x - r).toFixed(1)} ${(y + r * 0.7).toFixed(1)}Z`,
        class: `incident-mark level-${incident.responseLevel ?? 'IV'}`, 'data-id': incident.id,
      });
      const title = svgEl('title');
      title.textContent = `${incident.title}（${LEVEL_ZH[incident.responseLevel] ?? ''}响应）`;
      marker.append(title);
      marks.append(marker);
    }
  }
  const size = 8 * upp;
  for (const id of ['hatch-stale', 'hatch-missing']) {
    const p = document.getElementById(id);
    if (!p) continue;
    p.setAttribute('width', size); p.setAttribute('height', size);
    p.firstElementChild.setAttribute('height', size);
    p.firstElementChild.setAttribute('width', size * (id === 'hatch-stale' ? 0.38 : 0.25));
  }
  $('#labels').style.fontSize = `${(15 * upp).toFixed(1)}px`;
  // Drilled into a city or a county: name its counties.
  for (const el of document.querySelectorAll('#labels text.county-label')) el.remove();
  const focus = S.drill?.code;
  if (focus && G.byCode.has(focus) && G.byCode.get(focus).properties.tier !== 'province') {
    for (const [code, path] of G.paths) {
      if (code !== focus && path.dataset.parent !== focus) continue;
      const [x, y] = G.centroids.get(code);
      const label = svgEl('text', { x: x.toFixed(1), y: (y - 12 * upp).toFixed(1), class: 'county-label', 'data-code': code });
      label.textContent = nameOf(code);
      $('#labels').append(label);
    }
  }
}

function renderLegend() {
  if (S.tab === 'index') {
    $('#legend').innerHTML = `<div class="legend-title">${KIND_ZH[S.indexKind]}管控力指数</div>`
      + INDEX_BANDS.map(([min, c]) => `<div><i class="sw ${c}"></i>${min ? `${min} 分以上` : `${INDEX_BANDS[INDEX_BANDS.length - 2][0]} 分以下`}</div>`).join('')
      + '<div><i class="sw none"></i>数据不足 / 失联</div>';
    return;
  }
  const title = S.tab === 'static' ? '静态风险' : `${S.tab}小时预警`;
  const items = S.tab === 'static'
    ? [['red', '红 高风险'], ['orange', '橙 较高'], ['yellow', '黄 中'], ['blue', '蓝 较低'], ['green', '绿 低']]
    : [['red', '红色预警'], ['orange', '橙色预警'], ['yellow', '黄色预警'], ['blue', '蓝色预警'], ['green', '绿 无预警']];
  let count = '';
  if (S.tab !== 'static') {
    const lead = Number(S.tab);
    const ws = S.warnings.filter((w) => n(w.leadTimeHours || 24) === lead);
    count = `<div class="legend-note">生效预警 ${num(ws.length)} 条</div>`;
  }
  $('#legend').innerHTML = `<div class="legend-title">${title}</div>`
    + items.map(([c, label]) => `<div><i class="sw ${c}"></i>${label}</div>`).join('')
    + '<div><i class="sw none"></i>无数据 / 失联</div><div><i class="sw stale"></i>数据滞后</div>' + count;
}

function zoomTo(code) {
  let box = G.bounds.get(code);
  if (!box) {
    // A township (no polygon): its county's box.
    box = G.bounds.get(code?.slice(0, 6));
  }
  const top = S.top?.regionCode ?? G.provinceCode;
  if (!box) box = G.bounds.get(top) ?? G.bounds.get(G.provinceCode);
  if (!box) return;
  const pad = Math.max(box[2] - box[0], box[3] - box[1]) * 0.04;
  G.view = [box[0] - pad, box[1] - pad, box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad];
  $('#map').setAttribute('viewBox', G.view.map((v) => v.toFixed(1)).join(' '));
}

// ---------------------------------------------------------------- tooltip

function showTooltip(event, code) {
  const tip = $('#tooltip');
  const s = S.counties.get(code);
  const path = G.paths.get(code);
  const freshness = path?.dataset.freshness ?? 'missing';
  let html = `<h4>${esc(nameOf(code))}<small>${esc(nameOf(path?.dataset.parent))}</small></h4>`;
  if (freshness === 'stale') html += `<p class="warn">数据滞后：${age(Date.now() - n(s?.asOfMilliseconds))}前的数据</p>`;
  if (freshness === 'missing') html += '<p class="bad">失联：无数据</p>';
  if (s) {
    let people = 0, band1 = 0;
    for (const c of s.hazard?.pointCells ?? []) {
      if (c.band === 1 || c.band === 2) people += n(c.populationAtRisk);
      if (c.band === 1) band1 += n(c.points);
    }
    const e = s.evacuation ?? {};
    html += `<dl>
      <dt>静态风险</dt><dd><i class="sw ${staticColour(s)}"></i>${COLOUR_ZH[staticColour(s)]}</dd>
      <dt>隐患点</dt><dd>${num(sum(s.hazard?.pointCells, 'points'))}（Ⅰ级 ${num(band1)}）</dd>
      <dt>Ⅰ、Ⅱ级涉险人数</dt><dd>${big(people)}</dd>
      <dt>应转移 / 已转移</dt><dd>${num(e.toMove)} / ${num(e.moved)}</dd>
      <dt>避灾场所</dt><dd>${num(e.shelters)} 处，在住 ${num(e.shelterOccupancy)}</dd>
      <dt>储备库 / 起降点</dt><dd>${num(s.reserve?.storagePoints)} / ${num(sum(s.landing?.cells, 'points'))}</dd>
      <dt>救援队伍</dt><dd>${num(sum(s.response?.teams, 'teams'))} 支 ${num(sum(s.response?.teams, 'headcount'))} 人</dd>
      <dt>在办事件</dt><dd>${num(sum(s.response?.openIncidents, 'open'))}</dd>
    </dl>`;
  }
  if (S.tab === 'index') {
    const row = indexRowFor(code, path?.dataset.parent);
    html += row ? `<p>${KIND_ZH[S.indexKind]}管控力指数：${scoreText(row.index.score)}${row.index.regionCode === code ? '' : `（${esc(nameOf(row.index.regionCode))}）`}</p>`
      : '<p class="muted">暂无指数</p>';
  } else if (S.tab !== 'static') {
    const ws = warningsFor(code, path?.dataset.parent, Number(S.tab));
    html += ws.length
      ? `<ul class="tip-warnings">${ws.map((w) => `<li><i class="sw ${esc(w.level)}"></i>${esc(w.headline || w.id)}</li>`).join('')}</ul>`
      : `<p class="muted">${S.tab}小时内无预警</p>`;
  }
  tip.innerHTML = html;
  tip.hidden = false;
  moveTooltip(event);
}
function moveTooltip(event) {
  const tip = $('#tooltip');
  const wrap = $('#map-wrap').getBoundingClientRect();
  let x = event.clientX - wrap.left + 16, y = event.clientY - wrap.top + 16;
  if (x + tip.offsetWidth > wrap.width) x = event.clientX - wrap.left - tip.offsetWidth - 16;
  if (y + tip.offsetHeight > wrap.height) y = Math.max(0, wrap.height - tip.offsetHeight - 4);
  tip.style.transform = `translate(${Math.max(0, x)}px, ${y}px)`;
}

// ---------------------------------------------------------------- panels

function current() {
  if (S.drill) return S.drill.data?.region ?? null;
  return S.top;
}

function renderPanels() {
  const s = current();
  const regionCode = S.drill?.code ?? S.top?.regionCode;
  $('#region-title').textContent = nameOf(regionCode ?? G.provinceCode);
  $('#coverage-region').textContent = nameOf(regionCode ?? '');
  if (!s) {
    const text = S.drill?.error ? `<p class="bad">${esc(S.drill.error)}</p>` : '<p class="muted">加载中…</p>';
    for (const id of ['coverage', 'hazard', 'hidden-hazards', 'reserve', 'landing', 'training', 'evacuation', 'response']) {
      $(`#${id}`).innerHTML = text;
    }
    return;
  }
  renderCoverage(s);
  renderHazard(s);
  renderReserve(s.reserve ?? {});
  renderLanding(s.landing ?? {});
  renderTraining(s.training ?? {});
  renderEvacuation(s.evacuation ?? {});
  renderResponse(s.response ?? {});
}

function childStatuses(s) {
  let parts = (s.children ?? []).map((p) => ({ code: p.name, freshness: p.freshness || 'missing', asOf: n(p.asOfMilliseconds), reason: p.reason }));
  if (!parts.length && S.drill?.data?.children?.length) {
    parts = S.drill.data.children.map((c) => ({ code: c.regionCode, freshness: c.freshness || 'fresh', asOf: n(c.asOfMilliseconds), reason: '' }));
  }
  return parts;
}

function renderCoverage(s) {
  const now = Date.now();
  const tiers = (s.coverage ?? []).map((t) => {
    const ok = n(t.reporting) >= n(t.expected);
    return `<span class="tier ${ok ? 'ok' : 'warn'}"><b>${TIER_ZH[t.tier] ?? `第${t.tier}级`}</b> ${num(t.reporting)}/${num(t.expected)} 在线</span>`;
  }).join('');
  const parts = childStatuses(s);
  const order = { missing: 0, stale: 1, fresh: 2 };
  parts.sort((a, b) => (order[a.freshness] - order[b.freshness]) || a.code.localeCompare(b.code));
  const children = parts.map((p) => {
    let state = FRESHNESS_ZH[p.freshness] ?? p.freshness;
    if (p.freshness === 'stale') state = `数据滞后 <span class="age" data-asof="${p.asOf}">${age(now - p.asOf)}</span>`;
    return `<li class="child ${p.freshness}" data-code="${esc(p.code)}" data-freshness="${p.freshness}" title="${esc(p.reason ?? '')}">`
      + `<span class="name">${esc(nameOf(p.code))}</span><span class="state">${state}</span></li>`;
  }).join('');
  const services = (s.services ?? []).map((p) => `<span class="svc ${p.freshness}" title="${esc(p.reason ?? '')}">${esc(SERVICE_ZH[p.name] ?? p.name)} ${FRESHNESS_ZH[p.freshness] ?? ''}</span>`).join('');
  const counts = { fresh: 0, stale: 0, missing: 0 };
  for (const p of parts) counts[p.freshness] = (counts[p.freshness] ?? 0) + 1;
  $('#coverage').innerHTML = `<div class="tiers">${tiers || '<span class="muted">无下级节点</span>'}</div>`
    + (parts.length ? `<div class="sub">下级 ${num(parts.length)}：正常 ${counts.fresh}，<span class="warn">滞后 ${counts.stale}</span>，<span class="bad">失联 ${counts.missing}</span></div><ul class="children">${children}</ul>` : '')
    + (services ? `<div class="services">本级服务：${services}</div>` : '');
}

function renderHazard(s) {
  const h = s.hazard ?? {};
  const cells = h.pointCells ?? [];
  const bands = new Map();
  const types = new Map();
  for (const c of cells) {
    const b = bands.get(c.band) ?? { points: 0, people: 0, registered: 0 };
    b.points += n(c.points); b.people += n(c.populationAtRisk); b.registered += n(c.registeredForTransfer);
    bands.set(c.band, b);
    types.set(c.type, (types.get(c.type) ?? 0) + n(c.points));
  }
  const bandRows = [...bands.entries()].sort((a, b) => a[0] - b[0]).map(([band, b]) =>
    `<tr class="band-${band}"><th>${BAND_ZH[band] ?? `${band}级`}</th><td>${num(b.points)}</td><td>${big(b.people)}</td><td>${big(b.registered)}</td></tr>`).join('');
  const typeList = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([t, v]) => `<span>${esc(HAZARD_TYPE_ZH[t] ?? t)} ${num(v)}</span>`).join('');
  $('#hazard').innerHTML = `<div class="kvs">${kv('隐患点', num(sum(cells, 'points')))}${kv('涉险人数', big(sum(cells, 'populationAtRisk')))}${kv('纳入转移', big(sum(cells, 'registeredForTransfer')))}</div>`
    + (bandRows ? `<table class="grid"><thead><tr><th>风险等级</th><th>点数</th><th>涉险人数</th><th>纳入转移</th></tr></thead><tbody>${bandRows}</tbody></table>` : '<p class="muted">无隐患点</p>')
    + (typeList ? `<div class="chips">${typeList}</div>` : '');

  const hh = h.hiddenHazards ?? {};
  const grades = new Map();
  let majorSources = 0;
  for (const c of h.enterpriseCells ?? []) {
    grades.set(c.grade, (grades.get(c.grade) ?? 0) + n(c.enterprises));
    majorSources += n(c.majorHazardSources);
  }
  const gradeLine = ['red', 'orange', 'yellow', 'blue'].map((g) => `<span><i class="sw ${g}"></i>${GRADE_ZH[g]} ${num(grades.get(g) ?? 0)}</span>`).join('');
  $('#hidden-hazards').innerHTML = `<div class="kvs">${kv('未整改', num(hh.open))}${kv('逾期', num(hh.overdue), n(hh.overdue) ? 'bad' : '')}${kv('重大隐患', num(hh.majorOpen), n(hh.majorOpen) ? 'warn' : '')}${kv('挂牌督办', num(hh.listedOpen))}</div>`
    + `<div class="line">已整改 ${num(hh.closed)}，按期 ${num(hh.closedOnTime)}，按期整改率 <b>${pct(hh.closedOnTime, hh.closed)}</b></div>`
    + `<div class="line">企业 ${num(sum(h.enterpriseCells, 'enterprises'))} 家，重大危险源 ${num(majorSources)} 处</div><div class="chips">${gradeLine}</div>`;
}

function renderReserve(r) {
  const rows = (r.categories ?? []).map((c) => {
    const level1 = c.code.length === 1;
    const label = level1 ? (CATEGORY_ZH[c.code] ?? c.code) : `${c.code}`;
    return `<tr class="${level1 ? 'l1' : 'l2'}"><th>${esc(label)}</th><td>${big(c.good)}</td><td>${num(c.damaged)}</td><td>${num(c.expired)}</td></tr>`;
  }).join('');
  $('#reserve').innerHTML = `<div class="kvs">${kv('储备库', num(r.storagePoints))}${kv('定额品种', num(r.normLines))}${kv('缺口', `${num(r.shortLines)}<small> ${pct(r.shortLines, r.normLines)}</small>`, n(r.shortLines) ? 'warn' : '')}${kv('30天内到期', `${num(r.expiringUnits)}<small> 件/${num(r.expiringLots)}批</small>`)}</div>`
    + (rows ? `<table class="grid"><thead><tr><th>类别</th><th>完好</th><th>待修</th><th>过期</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">无库存</p>');
}

function renderLanding(l) {
  const cells = l.cells ?? [];
  const byStatus = new Map(), byKind = new Map();
  for (const c of cells) {
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + n(c.points));
    byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + n(c.points));
  }
  const statuses = [...byStatus].map(([k, v]) => `<span class="st-${esc(k)}">${esc(LANDING_STATUS_ZH[k] ?? k)} ${num(v)}</span>`).join('');
  const kinds = [...byKind].map(([k, v]) => `<span>${esc(LANDING_KIND_ZH[k] ?? k)} ${num(v)}</span>`).join('');
  $('#landing').innerHTML = `<div class="kvs">${kv('起降点', num(sum(cells, 'points')))}${kv('合规', `${num(sum(cells, 'compliant'))}<small> ${pct(sum(cells, 'compliant'), sum(cells, 'points'))}</small>`)}${kv(`乡镇覆盖（${n(l.withinKilometres) || '—'} 公里内）`, `${num(l.townshipsCovered)}/${num(l.townships)}`)}${kv(`${l.year || ''}年建设`, `${num(l.built)}/${num(Math.round(n(l.target)))}`, n(l.built) >= n(l.target) ? 'ok' : '')}</div>`
    + `<div class="chips">${statuses}</div><div class="chips">${kinds}</div>`;
}

function renderTraining(t) {
  const lines = (t.coverage ?? []).map((line) => {
    const target = n(line.targetPercent);
    const rate = n(line.people) ? (n(line.trained) * 100) / n(line.people) : null;
    return `<div class="cov ${line.met ? 'met' : 'unmet'}"><div class="cov-head"><span>${esc(ROLE_ZH[line.role] ?? line.role)}${line.village ? '（村级）' : ''}</span>`
      + `<span>${num(line.trained)}/${num(line.people)} <b>${rate === null ? '—' : `${rate.toFixed(1)}%`}</b> 目标 ${target}% ${line.met ? '✓' : '✗'}</span></div>`
      + `<div class="bar target" style="--target:${Math.min(100, target)}%"><i style="width:${rate === null ? 0 : Math.min(100, rate).toFixed(1)}%"></i></div></div>`;
  }).join('');
  const rules = (t.rules ?? []).map((r) => `<span title="${esc(r.ruleID)}">${esc(r.ruleID)} ${num(r.met)}/${num(r.applicable)}</span>`).join('');
  $('#training').innerHTML = (t.year ? `<div class="sub">${t.year} 年度</div>` : '') + (lines || '<p class="muted">无培训数据</p>')
    + (rules ? `<div class="chips rules">${rules}</div>` : '');
}

function renderEvacuation(e) {
  const toMove = n(e.toMove);
  const w = (v) => (toMove ? Math.min(100, (n(v) * 100) / toMove) : 0).toFixed(1);
  $('#evacuation').innerHTML = `<div class="kvs">${kv('赋码人员', big(e.coded))}${kv('重点人员', big(e.vulnerable))}${kv('生效预警', num(e.activeWarnings), n(e.activeWarnings) ? 'warn' : '')}</div>`
    + `<div class="flow"><div>应转移<b>${num(e.toMove)}</b></div><div>已叫应<b>${num(e.called)}</b></div>`
    + `<div>已转移<b id="evacuation-moved" data-value="${n(e.moved)}">${num(e.moved)}</b></div><div>已安置<b>${num(e.sheltered)}</b></div>`
    + `<div class="${n(e.unresolved) ? 'bad' : ''}">未落实<b>${num(e.unresolved)}</b></div></div>`
    + `<div class="progress" title="已转移 ${num(e.moved)} / 应转移 ${num(e.toMove)}"><i class="called" style="width:${w(e.called)}%"></i><i class="moved" style="width:${w(e.moved)}%"></i></div>`
    + `<div class="line">应转尽转 <b>${pct(e.moved, e.toMove)}</b>　叫应率 ${pct(e.called, e.toMove)}　<span class="${n(e.vulnerableNotMoved) ? 'bad' : ''}">重点人员未转移 ${num(e.vulnerableNotMoved)}</span></div>`
    + `<div class="line">避灾安置场所 ${num(e.shelters)} 处　在住 ${num(e.shelterOccupancy)} / 容量 ${num(e.shelterCapacity)}（${pct(e.shelterOccupancy, e.shelterCapacity)}）${n(e.sheltersOverCapacity) ? `　<span class="bad">超容 ${num(e.sheltersOverCapacity)} 处</span>` : ''}</div>`
    + bar(e.shelterOccupancy, e.shelterCapacity, n(e.shelterOccupancy) > n(e.shelterCapacity) ? 'over' : '');
}

function renderResponse(r) {
  const cells = new Map();
  for (const c of r.teams ?? []) cells.set(`${c.kind}/${c.readiness}`, c);
  const rows = TEAM_KINDS.map((kind) => {
    const tds = READINESS.map((rd) => `<td>${num(cells.get(`${kind}/${rd}`)?.teams ?? 0)}</td>`).join('');
    const teams = (r.teams ?? []).filter((c) => c.kind === kind);
    return `<tr><th>${TEAM_KIND_ZH[kind]}</th>${tds}<td>${num(sum(teams, 'headcount'))}</td></tr>`;
  }).join('');
  const totals = READINESS.map((rd) => `<td>${num(sum((r.teams ?? []).filter((c) => c.readiness === rd), 'teams'))}</td>`).join('');
  const open = new Map((r.openIncidents ?? []).map((c) => [c.level, n(c.open)]));
  const levels = LEVELS.map((l) => `<div class="lvl level-${l}"><b>${num(open.get(l) ?? 0)}</b><span>${LEVEL_ZH[l]}</span></div>`).join('');
  const arrived = n(r.incidentsArrived);
  const mean = arrived ? duration(n(r.arrivalSeconds) / arrived) : '—';
  $('#response').innerHTML = `<div class="kvs">${kv('队伍', `${num(sum(r.teams, 'teams'))}<small> 支</small>`)}${kv('人员', big(sum(r.teams, 'headcount')))}${kv('首支队伍平均到达', mean)}</div>`
    + `<table class="grid teams"><thead><tr><th></th>${READINESS.map((rd) => `<th class="rd-${rd}">${READINESS_ZH[rd]}</th>`).join('')}<th>人数</th></tr></thead><tbody>${rows}<tr class="total"><th>合计</th>${totals}<td>${num(sum(r.teams, 'headcount'))}</td></tr></tbody></table>`
    + `<div class="sub">在办事件 ${num(sum(r.openIncidents, 'open'))}（累计 ${num(r.incidents)}，已到达 ${num(arrived)}）</div><div class="levels">${levels}</div>`
    + `<div class="line">受影响 ${big(r.affected)}　<span class="${n(r.dead) ? 'bad' : ''}">死亡 ${num(r.dead)}</span>　受伤 ${num(r.injured)}　<span class="${n(r.missing) ? 'bad' : ''}">失联 ${num(r.missing)}</span></div>`;
}

function renderBreadcrumb() {
  const top = S.top?.regionCode ?? G.provinceCode;
  const chain = [];
  let code = S.drill?.code;
  while (code && code !== top) {
    chain.unshift(code);
    const f = G.byCode.get(code);
    code = f ? f.properties.parent_code : (code.length > 6 ? code.slice(0, 6) : '');
  }
  chain.unshift(top);
  $('#breadcrumb').innerHTML = chain.map((c, i) => i === chain.length - 1
    ? `<span class="here" data-code="${esc(c)}">${esc(nameOf(c))}</span>`
    : `<a href="#" data-code="${esc(c)}">${esc(nameOf(c))}</a>`).join('<span class="sep">›</span>');
}

// ---------------------------------------------------------------- drill-down

let drillTimer = null;

async function drillTo(code) {
  const top = S.top?.regionCode ?? G.provinceCode;
  clearInterval(drillTimer);
  if (!code || code === top) {
    S.drill = null;
  } else {
    S.drill = { code, data: null, error: null };
    drillTimer = setInterval(refreshDrill, DRILL_REFRESH_MS);
  }
  zoomTo(code ?? top);
  renderBreadcrumb();
  renderPanels();
  paintMap();
  loadIncidents();
  S.index = null;
  S.indicator = null;
  S.indicatorRecords = null;
  loadIndex();
  if (S.drill) await refreshDrill();
}

async function refreshDrill() {
  const drill = S.drill;
  if (!drill) return;
  try {
    const data = await api(`/api/children?region=${encodeURIComponent(drill.code)}`);
    if (S.drill !== drill) return;
    drill.data = data;
    drill.error = null;
  } catch (error) {
    if (S.drill !== drill) return;
    drill.error = `${nameOf(drill.code)}数据获取失败：${error.message}`;
  }
  renderPanels();
}

// ---------------------------------------------------------------- control-power indices (管控力指数)

const KIND_ZH = { 'natural-disaster': '自然灾害', 'work-safety': '安全生产' };
// Score bands for the map, best first (docs/SCREEN.md): 85, 70, 55, 40 and below.
const INDEX_BANDS = [[85, 'green'], [70, 'blue'], [55, 'yellow'], [40, 'orange'], [0, 'red']];

function scoreText(score) { return score === undefined || score === null ? '<span class="muted">数据不足</span>' : Number(score).toFixed(1); }

function rankingOf(report, kind) {
  return (kind === 'work-safety' ? report?.workSafetyRanking : report?.naturalDisasterRanking) ?? [];
}

/** The ranked child of the shown region that holds county `code` (the county itself, or its city). */
function indexRowFor(code, parent) {
  return rankingOf(S.index, S.indexKind).find((r) => r.index.regionCode === code || r.index.regionCode === parent) ?? null;
}

function indexColour(code, parent) {
  const score = indexRowFor(code, parent)?.index.score;
  if (score === undefined || score === null) return 'none';
  return INDEX_BANDS.find(([min]) => score >= min)[1];
}

async function loadIndex() {
  const region = S.drill?.code ?? '';
  try {
    const report = await api(`/api/index${region ? `?region=${encodeURIComponent(region)}` : ''}`);
    if ((S.drill?.code ?? '') !== region) return;
    S.index = report;
    S.indexError = null;
  } catch (error) {
    S.indexError = error.message;
  }
  renderIndex();
  if (S.tab === 'index') paintMap();
}

function renderIndex() {
  const box = $('#index');
  if (S.indexError && !S.index) { box.innerHTML = `<p class="bad">指数获取失败：${esc(S.indexError)}</p>`; return; }
  if (!S.index) return;
  const own = (S.index.region ?? []).find((i) => i.kind === S.indexKind);
  let html = own ? `<div class="kvs">${kv('本级得分', scoreText(own.score))}${kv('可信度', `${Math.round(n(own.reliability) * 100)}%`)}`
    + `${kv('有数据指标', `${num(own.indicatorsWithData)}/${num(own.indicators)}`)}</div>` : '';
  if (S.index.responseActive) html += '<p class="warn">预警或应急响应中：实时指数</p>';
  const rows = rankingOf(S.index, S.indexKind);
  html += rows.length ? `<table class="grid index-rank"><thead><tr><th>排名</th><th>地区</th><th>得分</th><th>较上月</th><th>变动最大指标</th></tr></thead><tbody>`
    + rows.map((r) => {
      const moved = r.mostMovedIndicator ? (r.index.values ?? []).find((v) => v.id === r.mostMovedIndicator) : null;
      const change = r.change === undefined || r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${Number(r.change).toFixed(1)}`;
      const stale = r.index.freshness && r.index.freshness !== 'fresh' ? ` <span class="warn">${FRESHNESS_ZH[r.index.freshness]}</span>` : '';
      return `<tr data-code="${esc(r.index.regionCode)}"><td>${r.rank || '—'}</td><th>${esc(nameOf(r.index.regionCode))}${stale}</th>`
        + `<td>${scoreText(r.index.score)}</td><td>${change}</td><td>${moved ? `${esc(moved.name)} ${r.mostMovedBy > 0 ? '+' : ''}${Number(r.mostMovedBy).toFixed(1)}` : '—'}</td></tr>`;
    }).join('') + '</tbody></table>' : '<p class="muted">无下级地区</p>';
  if (own) {
    html += '<h3 class="index-h">指标明细 <small>点击查看下钻</small></h3><ul class="indicators">' + (own.values ?? []).map((v) => `
      <li data-indicator="${esc(v.id)}" class="${S.indicator === v.id ? 'on' : ''}" tabindex="0"><span>${esc(v.name)}</span>`
      + `<b>${v.score === undefined || v.score === null ? '<span class="muted">无数据</span>' : Number(v.score).toFixed(1)}</b></li>`).join('') + '</ul>';
    html += '<div id="indicator-records"></div>';
  }
  box.innerHTML = html;
  if (S.indicatorRecords) renderIndicatorRecords();
}

/** 指标下钻: the indicator in each child (lowest first) and the hidden hazards or training lines it counts. */
async function showIndicator(id) {
  S.indicator = id;
  S.indicatorRecords = null;
  renderIndex();
  const region = S.drill?.code ?? '';
  try {
    const records = await api(`/api/index/records?indicator=${encodeURIComponent(id)}${region ? `&region=${encodeURIComponent(region)}` : ''}&limit=10`);
    if (S.indicator !== id) return;
    S.indicatorRecords = records;
  } catch (error) {
    S.indicatorRecords = { error: error.message };
  }
  renderIndicatorRecords();
}

function renderIndicatorRecords() {
  const box = $('#indicator-records');
  const r = S.indicatorRecords;
  if (!box || !r) return;
  if (r.error) { box.innerHTML = `<p class="bad">下钻失败：${esc(r.error)}</p>`; return; }
  const value = (v) => (v.value === undefined || v.value === null ? `<span class="muted">无数据</span>` : `${num(v.numerator)} / ${num(v.denominator)}`);
  let html = `<p>${esc(r.value?.name)}：${value(r.value ?? {})}</p>`;
  const worst = (r.regions ?? []).filter((x) => x.value?.score !== undefined && x.value?.score !== null).slice(0, 5);
  if (worst.length) {
    html += '<table class="grid"><thead><tr><th>最低的下级</th><th>分子 / 分母</th><th>得分</th></tr></thead><tbody>'
      + worst.map((x) => `<tr><th>${esc(nameOf(x.regionCode))}</th><td>${value(x.value)}</td><td>${Number(x.value.score).toFixed(1)}</td></tr>`).join('')
      + '</tbody></table>';
  }
  if ((r.hiddenHazards ?? []).length) {
    html += '<ul class="records">' + r.hiddenHazards.map((h) => `<li>${esc(nameOf(h.regionCode))} · ${esc(h.description)}`
      + `${h.overdue ? ' <span class="bad">逾期</span>' : ''}${h.listed ? ' <span class="warn">挂牌</span>' : ''}${h.major ? ' <span class="bad">重大</span>' : ''}`
      + ` · 期限 ${esc(h.deadline ?? '—')}</li>`).join('') + '</ul>';
  }
  if ((r.trainingShortfalls ?? []).length) {
    html += '<ul class="records">' + r.trainingShortfalls.map((t) => `<li>${esc(nameOf(t.regionCode))} · ${esc(ROLE_ZH[t.line.role] ?? t.line.role)}`
      + `${t.line.village ? '（村级）' : ''}：已训 ${num(t.line.trained)} / ${num(t.line.people)}，尚需 ${num(t.toTrain)} 人</li>`).join('') + '</ul>';
  }
  box.innerHTML = html;
}

// ---------------------------------------------------------------- incidents

async function loadIncidents() {
  const region = S.drill?.code ? `&region=${encodeURIComponent(S.drill.code)}` : '';
  try {
    const page = await api(`/api/incidents?open=true${region}`);
    const records = (page?.records ?? []).filter((i) => i.status !== 'closed');
    records.sort((a, b) => n(b.reportedAtMilliseconds) - n(a.reportedAtMilliseconds));
    S.incidents = records;
    renderIncidents();
  } catch (error) {
    $('#incidents').innerHTML = `<li class="bad">事件列表获取失败：${esc(error.message)}</li>`;
  }
  paintLayers();
}

function renderIncidents() {
  $('#incident-count').textContent = `${num(S.incidents.length)} 起`;
  $('#incidents').innerHTML = S.incidents.length ? S.incidents.map((i) => `
    <li class="incident ${S.openIncident === i.id ? 'on' : ''}" data-id="${esc(i.id)}" tabindex="0">
      <span class="lvl-badge level-${esc(i.responseLevel)}">${LEVEL_ZH[i.responseLevel] ?? ''}</span>
      <div class="inc-main"><div class="inc-title">${esc(i.title)}</div>
      <div class="inc-meta">${esc(INCIDENT_KIND_ZH[i.kind] ?? i.kind)} · ${esc(nameOf(i.regionCode))} · ${clock(n(i.reportedAtMilliseconds), true)} · ${STATUS_ZH[i.status] ?? ''}</div></div>
      <div class="inc-counts">${n(i.affected) ? `受影响 ${num(i.affected)}` : ''}${n(i.dead) ? ` <span class="bad">亡 ${num(i.dead)}</span>` : ''}${n(i.missing) ? ` <span class="bad">失联 ${num(i.missing)}</span>` : ''}</div>
    </li>`).join('') : '<li class="muted">当前无在办事件</li>';
}

async function openIncident(id) {
  S.openIncident = id;
  S.proposal = null;
  renderIncidents();
  const panel = $('#incident-detail');
  panel.hidden = false;
  panel.dataset.id = id;
  $('#incident-info').innerHTML = '<p class="muted">加载中…</p>';
  $('#proposal').innerHTML = '';
  $('#confirmation').innerHTML = '';
  $('#confirm-proposal').hidden = true;
  $('#make-proposal').disabled = false;
  $('#timeline').innerHTML = '';
  await loadIncidentRecord(id);
}

async function loadIncidentRecord(id) {
  try {
    const record = await api(`/api/incidents/${encodeURIComponent(id)}`);
    if (S.openIncident !== id) return;
    const i = record.incident ?? {};
    $('#incident-info').innerHTML = `<h3><span class="lvl-badge level-${esc(i.responseLevel)}">${LEVEL_ZH[i.responseLevel] ?? ''}响应</span> ${esc(i.title)}</h3>
      <div class="inc-meta">${esc(i.id)} · ${esc(INCIDENT_KIND_ZH[i.kind] ?? i.kind)} · ${SEVERITY_ZH[i.severity] ?? ''}事件 · ${STATUS_ZH[i.status] ?? ''} · ${esc(nameOf(i.regionCode))}</div>
      <div class="inc-meta">报告 ${clock(n(i.reportedAtMilliseconds), true)}（${esc(i.reporter)}）${n(i.firstArrivalMilliseconds) ? ` · 首支队伍到达 ${clock(n(i.firstArrivalMilliseconds))}` : ''}</div>
      <div class="kvs">${kv('受影响', num(i.affected))}${kv('死亡', num(i.dead), n(i.dead) ? 'bad' : '')}${kv('受伤', num(i.injured))}${kv('失联', num(i.missing), n(i.missing) ? 'bad' : '')}</div>`;
    $('#timeline').innerHTML = (record.timeline ?? []).map((t) => `<li class="tl-${esc(t.kind)}"><time>${clock(n(t.atMilliseconds), true)}</time>
      <b>${esc(TIMELINE_ZH[t.kind] ?? t.kind)}</b> <span class="actor">${esc(t.actor)}</span><p>${esc(t.text)}</p></li>`).join('') || '<li class="muted">无记录</li>';
  } catch (error) {
    $('#incident-info').innerHTML = `<p class="bad">事件获取失败：${esc(error.message)}</p>`;
  }
}

async function makeProposal() {
  const id = S.openIncident;
  if (!id) return;
  const button = $('#make-proposal');
  button.disabled = true;
  $('#proposal').innerHTML = '<p class="muted">正在生成调度方案…</p>';
  $('#confirmation').innerHTML = '';
  $('#confirm-proposal').hidden = true;
  try {
    const proposal = await api(`/api/incidents/${encodeURIComponent(id)}/proposal`, {});
    if (S.openIncident !== id) return;
    S.proposal = proposal;
    renderProposal(proposal);
    const confirm = $('#confirm-proposal');
    confirm.hidden = false;
    confirm.disabled = false;
    confirm.textContent = '确认调度';
  } catch (error) {
    $('#proposal').innerHTML = `<p class="bad">生成调度方案失败：${esc(error.message)}</p>`;
  } finally {
    button.disabled = false;
  }
}

function itemName(code) { return ITEM_ZH[code] ? `${ITEM_ZH[code]}（${code}）` : code; }

function renderProposal(p) {
  const teams = (p.teams ?? []).map((t, index) => {
    const team = t.team ?? {};
    const landing = t.landingPointName || t.landingPointID
      ? `${esc(t.landingPointName || t.landingPointID)}（距事发地 ${n(t.landingDistanceKilometres).toFixed(1)} 公里）` : '';
    return `<tr class="${t.meetsTarget ? '' : 'late'}" data-team="${esc(team.id)}"><td>${index + 1}</td><td>${esc(team.name)}<div class="sub">${(t.covers ?? []).map((c) => esc(SPECIALTY_ZH[c] ?? c)).join('、')}</div></td>
      <td>${esc(TEAM_KIND_ZH[team.kind] ?? team.kind)}</td><td>${esc(nameOf(t.node))}</td><td>${n(t.distanceKilometres).toFixed(1)}</td>
      <td>${hours(t.etaHours)}${t.meetsTarget ? '' : ' <span class="warn">超时</span>'}</td><td>${landing || '—'}</td></tr>`;
  }).join('');
  const m = p.materials ?? {};
  const lines = (m.lines ?? []).map((l) => `<tr><td>${esc(nameOf(l.node))}</td><td>${esc(l.line?.storagePointID)}</td><td>${esc(itemName(l.line?.itemCode))}</td>
    <td>${num(l.line?.quantity)}</td><td>${n(l.line?.distanceKilometres).toFixed(1)}</td><td>${hours(l.line?.etaHours)}</td></tr>`).join('');
  const unmet = (m.unmet ?? []).map((u) => `<li>${esc(itemName(u.itemCode))} 缺 ${num(u.quantity)}</li>`).join('');
  const nodes = [...(p.nodes ?? []), ...(m.nodes ?? [])].filter((x) => x.freshness !== 'fresh')
    .map((x) => `<li>${esc(nameOf(x.name))} ${FRESHNESS_ZH[x.freshness] ?? x.freshness}${x.reason ? `：${esc(x.reason)}` : ''}</li>`).join('');
  const uncovered = (p.uncovered ?? []).map((c) => esc(SPECIALTY_ZH[c] ?? c)).join('、');
  const container = $('#proposal');
  container.dataset.proposalId = p.proposalID ?? '';
  container.innerHTML = `<h3>调度方案 <small>${esc(p.proposalID)}</small></h3>
    <div class="line ${p.targetMet ? 'ok' : 'warn'}">目标 ${hours(p.targetHours || 3)} 内到达：${p.targetMet ? '全部满足' : '未全部满足'}</div>
    <h4>救援队伍 ${num((p.teams ?? []).length)} 支</h4>
    ${teams ? `<table class="grid proposal-teams"><thead><tr><th>#</th><th>队伍</th><th>类别</th><th>指挥节点</th><th>距离(公里)</th><th>预计到达</th><th>起降点</th></tr></thead><tbody>${teams}</tbody></table>` : '<p class="bad">无可派队伍</p>'}
    <div class="line ${uncovered ? 'bad' : ''}">未覆盖专业：${uncovered || '无'}</div>
    <h4>物资 ${m.targetMet ? '<span class="ok">齐备</span>' : '<span class="warn">未齐备</span>'}${n(m.latestEtaHours) ? ` · 最晚 ${hours(m.latestEtaHours)}` : ''}</h4>
    ${lines ? `<table class="grid"><thead><tr><th>节点</th><th>储备库</th><th>物资</th><th>数量</th><th>距离(公里)</th><th>预计到达</th></tr></thead><tbody>${lines}</tbody></table>` : '<p class="muted">无物资调拨</p>'}
    ${unmet ? `<div class="bad">缺口：</div><ul class="unmet">${unmet}</ul>` : '<div class="line">缺口：无</div>'}
    ${nodes ? `<div class="warn">未应答节点：</div><ul>${nodes}</ul>` : ''}`;
}

async function confirmProposal() {
  const proposal = S.proposal;
  if (!proposal) return;
  const button = $('#confirm-proposal');
  button.disabled = true;
  $('#confirmation').innerHTML = '<p class="muted">正在确认调度…</p>';
  try {
    const result = await api('/api/proposals/confirm', { proposal, requestedBy: '值班员' });
    renderConfirmation(result, proposal);
    button.textContent = result.confirmed ? '已确认调度' : '确认调度';
    button.disabled = !!result.confirmed;
    if (S.openIncident) loadIncidentRecord(S.openIncident);
    loadIncidents();
  } catch (error) {
    $('#confirmation').innerHTML = `<p class="bad">确认调度失败：${esc(error.message)}</p>`;
    button.disabled = false;
  }
}

function renderConfirmation(c, proposal) {
  const names = new Map((proposal.teams ?? []).map((t) => [t.team?.id, t.team?.name]));
  const teams = (c.teams ?? []).map((t) => `<tr class="outcome-${esc(t.outcome)}" data-team="${esc(t.teamID)}" data-outcome="${esc(t.outcome)}"><td>${esc(names.get(t.teamID) ?? t.teamID)}</td><td>${esc(nameOf(t.node))}</td>
    <td><b>${TEAM_OUTCOME_ZH[t.outcome] ?? t.outcome}</b></td><td>${esc(t.reason)}</td></tr>`).join('');
  const orders = (c.materials?.orders ?? []).map((o) => `<tr class="outcome-${esc(o.outcome)}" data-outcome="${esc(o.outcome)}"><td>${esc(nameOf(o.node))}</td><td>${esc(o.orderID || '—')}</td>
    <td><b>${ORDER_OUTCOME_ZH[o.outcome] ?? o.outcome}</b></td><td>${(o.lines ?? []).map((l) => `${esc(itemName(l.itemCode))}×${num(l.quantity)}`).join('、')}${o.reason ? ` ${esc(o.reason)}` : ''}</td></tr>`).join('');
  const box = $('#confirmation');
  box.dataset.confirmed = c.confirmed ? '1' : '0';
  box.innerHTML = `<h3 class="${c.confirmed ? 'ok' : 'bad'}">${c.confirmed ? '调度已确认：队伍已出动，物资已批准' : '调度未生效：已撤销全部部署与订单'}</h3>
    ${teams ? `<table class="grid"><thead><tr><th>队伍</th><th>节点</th><th>结果</th><th>说明</th></tr></thead><tbody>${teams}</tbody></table>` : ''}
    ${orders ? `<table class="grid"><thead><tr><th>物资节点</th><th>订单</th><th>结果</th><th>明细</th></tr></thead><tbody>${orders}</tbody></table>` : ''}`;
}

// ---------------------------------------------------------------- warnings

async function loadWarnings() {
  try {
    const data = await api('/api/warnings');
    S.warnings = data?.warnings ?? [];
  } catch {
    // Keep the last list; the static tab does not need it.
  }
  paintMap();
}

// ---------------------------------------------------------------- live feed

let fallbackTimer = null;

function setTop(summary) {
  S.top = summary;
  S.lastEvent = Date.now();
  const lu = $('#last-update');
  lu.dataset.ms = String(n(summary.asOfMilliseconds) || Date.now());
  tick();
}

function setCounties(list) {
  S.counties = new Map((list ?? []).map((c) => [c.regionCode, c]));
  S.countiesKnown = true;
}

function render() {
  if (!G.loaded || !S.top || !S.countiesKnown) return;
  if (!S.ready) {
    zoomTo(S.drill?.code ?? S.top.regionCode);
    renderBreadcrumb();
  }
  paintMap();
  if (!S.drill) renderPanels();
  if (!S.ready) {
    S.ready = true;
    requestAnimationFrame(() => {
      performance.mark('anlan-first-screen');
      document.body.dataset.ready = '1';
    });
  }
}

let lastOpen = -1;

function onSummary(payload) {
  setTop(payload.summary);
  if (payload.counties) setCounties(payload.counties);
  $('#conn-badge').hidden = true;
  render();
  const open = sum(payload.summary?.response?.openIncidents, 'open');
  if (open !== lastOpen && lastOpen !== -1) loadIncidents();
  const warnings = n(payload.summary?.evacuation?.activeWarnings);
  if (warnings !== S.lastWarnings && S.lastWarnings !== undefined) loadWarnings();
  S.lastWarnings = warnings;
  lastOpen = open;
}

function connect() {
  if (!('EventSource' in window)) { startFallback(); return; }
  const source = new EventSource('/api/events');
  source.addEventListener('summary', (event) => {
    try { onSummary(JSON.parse(event.data)); } catch (error) { console.error('bad summary event', error); }
  });
  source.addEventListener('open', () => { $('#conn-badge').hidden = true; });
  source.addEventListener('error', () => {
    $('#conn-badge').hidden = false;
  });
  // Without any event for a while (a proxy buffering the stream): poll as well.
  setInterval(() => { if (Date.now() - S.lastEvent > 15000) poll(); }, 5000);
}

function startFallback() {
  clearInterval(fallbackTimer);
  fallbackTimer = setInterval(poll, 3000);
  poll();
}

async function poll() {
  try {
    const [summary, counties] = await Promise.all([api('/api/summary'), api('/api/counties')]);
    onSummary({ summary, counties: counties?.counties ?? [] });
  } catch {
    $('#conn-badge').hidden = false;
  }
}

// ---------------------------------------------------------------- clock and ages

function tick() {
  const now = Date.now();
  $('#clock').textContent = clock(now, true);
  const lu = $('#last-update');
  const ms = n(lu.dataset.ms);
  if (ms) {
    const lag = now - ms;
    lu.textContent = `最后更新 ${clock(ms)}${lag > 10000 ? `（${age(lag)}前）` : ''}`;
    lu.classList.toggle('warn', lag > 10000);
  }
  for (const el of document.querySelectorAll('#coverage .age[data-asof]')) {
    el.textContent = age(now - n(el.dataset.asof));
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $('#layers').innerHTML = LAYERS.map((l) => `<label><input type="checkbox" data-layer="${l.id}" ${S.layers.has(l.id) ? 'checked' : ''}><i style="background:${l.colour}"></i>${l.label}</label>`).join('');
  $('#layers').addEventListener('change', (event) => {
    const id = event.target.dataset.layer;
    if (!id) return;
    if (event.target.checked) S.layers.add(id); else S.layers.delete(id);
    paintLayers();
  });
  $('#tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('button')?.dataset.tab;
    if (!tab) return;
    S.tab = tab;
    for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === tab);
    if (tab === 'index') loadIndex();
    else if (tab !== 'static') loadWarnings();
    else paintMap();
  });
  $('#index').addEventListener('click', (event) => {
    const id = event.target.closest('li[data-indicator]')?.dataset.indicator;
    if (id) showIndicator(id);
  });
  $('#index-kinds').addEventListener('click', (event) => {
    const kind = event.target.closest('button')?.dataset.kind;
    if (!kind) return;
    S.indexKind = kind;
    for (const b of document.querySelectorAll('#index-kinds button')) b.classList.toggle('on', b.dataset.kind === kind);
    renderIndex();
    if (S.tab === 'index') paintMap();
  });
  const svg = $('#map');
  svg.addEventListener('pointerover', (event) => {
    const path = event.target.closest?.('path.county');
    if (path) showTooltip(event, path.dataset.code);
  });
  svg.addEventListener('pointermove', (event) => { if (!$('#tooltip').hidden) moveTooltip(event); });
  svg.addEventListener('pointerout', (event) => {
    if (event.target.closest?.('path.county') && !event.relatedTarget?.closest?.('path.county')) $('#tooltip').hidden = true;
  });
  svg.addEventListener('click', (event) => {
    const marker = event.target.closest?.('.incident-mark');
    if (marker) { openIncident(marker.dataset.id); return; }
    const target = event.target.closest?.('path.county, text.city-label, text.county-label');
    if (target && !target.classList.contains('outside')) drillTo(target.dataset.code);
  });
  $('#breadcrumb').addEventListener('click', (event) => {
    const a = event.target.closest('a[data-code]');
    if (!a) return;
    event.preventDefault();
    drillTo(a.dataset.code);
  });
  $('#coverage').addEventListener('click', (event) => {
    const li = event.target.closest('li.child[data-code]');
    if (li) drillTo(li.dataset.code);
  });
  const incidents = $('#incidents');
  incidents.addEventListener('click', (event) => {
    const li = event.target.closest('li.incident');
    if (li) openIncident(li.dataset.id);
  });
  incidents.addEventListener('keydown', (event) => {
    const li = event.target.closest('li.incident');
    if (li && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); openIncident(li.dataset.id); }
  });
  $('#close-detail').addEventListener('click', () => {
    $('#incident-detail').hidden = true;
    S.openIncident = null;
    renderIncidents();
  });
  $('#make-proposal').addEventListener('click', makeProposal);
  $('#confirm-proposal').addEventListener('click', confirmProposal);
  window.addEventListener('resize', () => paintLayers());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('#incident-detail').hidden) $('#close-detail').click();
  });
}

async function start() {
  wire();
  tick();
  setInterval(tick, 1000);
  const geo = fetch(GEOJSON).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  }).then((data) => { buildMap(data); render(); })
    .catch((error) => { $('#map-wrap').insertAdjacentHTML('beforeend', `<p class="bad map-error">地图加载失败：${esc(error.message)}</p>`); });
  connect();
  // The stream's first event brings both; these make the first screen independent of it.
  api('/api/summary').then((s) => { if (!S.top) { setTop(s); render(); } }).catch((error) => {
    if (!S.top) $('#coverage').innerHTML = `<p class="bad">汇总数据获取失败：${esc(error.message)}</p>`;
  });
  api('/api/counties').then((d) => { if (!S.countiesKnown) { setCounties(d?.counties); render(); } }).catch(() => {});
  loadWarnings();
  loadIncidents();
  loadIndex();
  setInterval(loadIncidents, INCIDENTS_REFRESH_MS);
  setInterval(loadIndex, INDEX_REFRESH_MS);
  setInterval(loadWarnings, WARNINGS_REFRESH_MS);
  await geo;
}

start();
