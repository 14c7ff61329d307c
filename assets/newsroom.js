// Newsroom preview page: draws each network's mock and the warnings from the preview JSON
// (GET/POST /api/newsroom/articles/:id/preview), re-draws them after every edit (debounced),
// moves the focal point on a click on the photo, saves with If-Match, and fetches as each crawler.
const config = JSON.parse(document.getElementById('nr-config').textContent);
const t = config.strings;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
const api = `/api/newsroom/articles/${encodeURIComponent(config.id)}`;
// The preview JSON's warnings come in the page's language.
const langQuery = `lang=${encodeURIComponent(config.lang)}`;
const form = document.getElementById('nr-form');
const cards = document.getElementById('nr-cards');
const statusLine = document.getElementById('nr-status');
const alertBox = document.getElementById('nr-alert');
let etag = config.etag;
let last = null;
let seq = 0;

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') node.setAttribute('style', v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
};

/** The edits the form holds: a value for each filled field, null for a cleared one (CMS value applies). */
function edits() {
  const data = new FormData(form);
  const out = {};
  for (const key of ['socialHeadline', 'socialDescription', 'cardTemplate', 'label', 'socialImageAlt']) {
    const v = String(data.get(key) ?? '').trim();
    out[key] = v === '' ? null : v;
  }
  if (config.hasPhoto) {
    const x = Number(data.get('focalX'));
    const y = Number(data.get('focalY'));
    if (Number.isFinite(x) && Number.isFinite(y) && x >= 0 && x <= 1 && y >= 0 && y <= 1) out.focalPoint = { x, y };
  }
  return out;
}

const severityLabel = (s) => t[s] ?? s;

function drawWarnings(warnings) {
  const list = document.getElementById('nr-warnings');
  list.replaceChildren();
  if (warnings.length === 0) list.append(el('li', { text: t.noWarnings }));
  for (const w of warnings) {
    const field = document.querySelector(`[name="${w.field}"]`) ?? (w.field === 'focalPoint' ? document.getElementById('f-focalX') : null);
    list.append(el('li', { class: `nr-warning nr-sev-${w.severity}`, 'data-code': w.code },
      el('span', { class: 'nr-badge', text: severityLabel(w.severity) }), ' ',
      el('code', { text: w.code }), ' ',
      el('span', { text: w.message }), ' ',
      el('span', { class: 'nr-nets', text: `(${w.networks.join(', ')})` }), ' ',
      field ? el('button', { type: 'button', class: 'nr-fix', 'data-field': field.id }, `${t.fix}: ${field.labels?.[0]?.firstChild?.textContent?.trim() ?? w.field}`) : null));
  }
}

function textLine(cls, field, lang) {
  if (!field) return null;
  return el('div', { class: cls, lang, title: field.truncated ? `${t.truncatedIn} ${field.limit} ${field.unit}` : null, 'data-truncated': field.truncated ? 'true' : null }, field.text);
}

function figureNote(n) {
  const figs = [n.profile?.image?.aspect, n.profile?.image?.maxBytes, n.title?.figure, n.profile?.cache?.frozenAtPost].filter(Boolean);
  return el('details', { class: 'nr-sources' }, el('summary', { text: t.sources }),
    el('ul', {}, figs.map((f) => el('li', {}, el('span', { class: f.confirmed ? 'nr-confirmed' : 'nr-unconfirmed', text: f.confirmed ? t.confirmed : t.unconfirmed }), ` ${JSON.stringify(f.value)} — ${f.source} (${f.checked})`))));
}

function drawMock(n, lang, og) {
  // The og card arrives once with the preview (data: URL); without it, its staff-only URL.
  const src = n.image && og?.dataUri && n.image.url === og.url ? og.dataUri : n.image?.previewUrl;
  const img = n.image
    ? el('div', { class: `mock-img mock-img-${n.image.layout}`, style: `aspect-ratio:${n.image.crop.aspect}` },
        el('img', { src, alt: '', style: `object-position:${(n.image.crop.x + n.image.crop.width / 2) * 100}% ${(n.image.crop.y + n.image.crop.height / 2) * 100}%` }),
        n.network === 'x' && n.title ? el('span', { class: 'mock-overlay', lang, text: n.title.text }) : null)
    : el('div', { class: 'mock-noimg', text: '∅' });
  const text = el('div', { class: 'mock-text' },
    n.network === 'x' ? null : el('div', { class: 'mock-domain', text: n.domain }),
    n.network === 'x' ? null : textLine('mock-title', n.title, lang),
    textLine('mock-desc', n.description, lang));
  const body = el('div', { class: `mock-body mock-layout-${n.image?.layout ?? 'none'}` }, img, text);
  return el('article', { class: `mock mock-${n.network}`, 'aria-label': n.name, 'data-network': n.network },
    el('h3', { class: 'mock-name', text: n.name }),
    body,
    n.network === 'x' ? el('div', { class: 'mock-domain mock-from', text: n.domain }) : null,
    figureNote(n));
}

function draw(preview) {
  last = preview;
  const lang = document.getElementById('f-socialHeadline')?.lang || undefined;
  const mode = document.querySelector('input[name="mode"]:checked')?.value ?? 'light';
  cards.dataset.mode = mode;
  cards.replaceChildren(...preview.networks.map((n) => drawMock(n, lang, preview.cards?.og)));
  drawWarnings(preview.warnings);
  for (const name of ['socialHeadline', 'socialDescription']) {
    const input = document.querySelector(`[name="${name}"]`);
    const out = document.getElementById(`c-${name}`);
    if (input && out) out.textContent = `${[...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(input.value || input.placeholder)].length}`;
  }
}

async function refresh() {
  const mine = ++seq;
  statusLine.textContent = t.updating;
  const res = await fetch(`${api}/preview?${langQuery}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(edits()) });
  if (mine !== seq) return; // a newer edit is on its way
  if (!res.ok) {
    const p = await res.json().catch(() => ({}));
    alertBox.textContent = `${p.detail ?? res.status}${p.errors ? ': ' + p.errors.map((e) => `${e.pointer} ${e.detail}`).join('; ') : ''}`;
    statusLine.textContent = '';
    return;
  }
  alertBox.textContent = '';
  draw(await res.json());
  statusLine.textContent = t.updated;
}

let timer;
const debounced = () => { clearTimeout(timer); timer = setTimeout(refresh, 300); };
form.addEventListener('input', debounced);
form.addEventListener('change', debounced);
document.querySelectorAll('input[name="mode"]').forEach((r) => r.addEventListener('change', () => last && draw(last)));
document.addEventListener('click', (e) => {
  const fix = e.target.closest?.('.nr-fix');
  if (fix) document.getElementById(fix.dataset.field)?.focus();
});

// Focal point: a click on the photo sets it; the number fields move it from the keyboard.
const photo = document.getElementById('focal-photo');
function setFocal(x, y) {
  const fx = document.getElementById('f-focalX');
  const fy = document.getElementById('f-focalY');
  fx.value = x.toFixed(2);
  fy.value = y.toFixed(2);
  const mark = document.getElementById('focal-mark');
  mark.style.left = `${x * 100}%`;
  mark.style.top = `${y * 100}%`;
  debounced();
}
photo?.addEventListener('click', (e) => {
  const r = photo.getBoundingClientRect();
  setFocal(Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)));
});
for (const id of ['f-focalX', 'f-focalY']) {
  document.getElementById(id)?.addEventListener('input', () => {
    const x = Number(document.getElementById('f-focalX').value);
    const y = Number(document.getElementById('f-focalY').value);
    if (x >= 0 && x <= 1 && y >= 0 && y <= 1) { const m = document.getElementById('focal-mark'); m.style.left = `${x * 100}%`; m.style.top = `${y * 100}%`; }
  });
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch(`${api}/overrides`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': etag, 'x-csrf-token': csrf }, body: JSON.stringify(edits()) });
  const body = await res.json().catch(() => ({}));
  if (res.status === 412) {
    // Composed from the problem's members, so the sentence is in the page's language.
    const who = body.current ? t.savedBy.replace('{name}', body.current.updatedBy).replace('{time}', new Date(body.current.updatedAt).toLocaleString(config.lang)) : '';
    alertBox.replaceChildren(el('p', { text: `${t.conflict} ${who}` }), el('p', { text: `${t.changedFields}: ${(body.changedFields ?? []).map((f) => t[f] ?? f).join(', ')}` }), el('a', { href: location.pathname, text: t.reload }));
    return;
  }
  if (!res.ok) { alertBox.textContent = body.detail ?? String(res.status); return; }
  etag = res.headers.get('etag') ?? etag;
  alertBox.textContent = '';
  statusLine.textContent = t.saved;
  const after = document.getElementById('nr-after');
  const list = document.getElementById('nr-after-list');
  list.replaceChildren(...(last?.networks ?? []).map((n) => {
    const cache = n.profile?.cache;
    const tool = cache?.refreshTool;
    return el('li', {}, el('strong', { text: n.name }), ` — ${cache?.frozenAtPost?.value ? t.keepsOld : t.refreshesItself}: ${cache?.refresh?.value ?? ''} `,
      n.network === 'facebook' ? el('button', { type: 'button', id: 'nr-fb-refresh' }, t.rescrape) : null, ' ',
      tool ? el('a', { href: tool.url + (tool.url.endsWith('=') ? encodeURIComponent(body.url ?? location.origin) : ''), target: '_blank', rel: 'noopener', text: tool.label }) : null);
  }));
  after.hidden = false;
  document.getElementById('nr-fb-refresh')?.addEventListener('click', async () => {
    const r = await fetch(`${api}/refresh/facebook`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    const b = await r.json().catch(() => ({}));
    statusLine.textContent = r.ok ? `Facebook: ${b.detail}` : `${b.detail ?? r.status}`;
  });
  await refresh();
});

document.getElementById('nr-crawl-run').addEventListener('click', async () => {
  const out = document.getElementById('nr-crawl');
  out.textContent = t.updating;
  const res = await fetch(`${api}/crawl`);
  const { crawlers } = await res.json();
  out.replaceChildren(el('table', { class: 'nr-list' },
    el('thead', {}, el('tr', {}, [t.network, t.page, t.bytesBeforeHead, t.tagsFound, t.image].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, crawlers.map((c) => el('tr', {},
      el('th', { scope: 'row', title: c.userAgent, text: c.network }),
      el('td', { text: `${c.page.method} ${c.page.headStatus ? c.page.headStatus + ' / ' : ''}${c.page.status} · ${c.page.bytes} B${c.page.rangeLimited ? ' (Range)' : ''} · ${c.page.ms} ms` }),
      el('td', { text: c.page.bytesBeforeHeadEnd ?? '—' }),
      el('td', { text: c.page.tags.join(' ') }),
      el('td', { text: c.image ? `${c.image.status} ${c.image.type ?? ''} ${c.image.bytes} B ${c.image.width ?? '?'}×${c.image.height ?? '?'} · ${c.image.ms} ms` : '—' }))))));
});

fetch(`${api}/preview?${langQuery}`).then((r) => r.json()).then(draw).catch((err) => { alertBox.textContent = String(err); });
