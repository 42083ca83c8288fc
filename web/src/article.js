// One article with a reader's markup: every annotation layer the pipeline stored
// (entities, dates, quotes, ...) and the events whose evidence is in it, drawn over
// the clean text. Layers can be switched on and off; spans are byte offsets into the
// UTF-8 text, converted here to string positions.
import { esc, get, param, showError } from './api.js';
import { docLabel, headerCounts, typeBadge, actorLink } from './common.js';

const main = document.getElementById('main');
const id = param('id');
const focusEvent = Number(param('event'));

// Which CSS class a layer gets: by what its name says it holds.
function classFor(layer) {
  if (/ent|ner|person|org|loc|gpe|actor/i.test(layer)) return 'hl-entity';
  if (/date|time|timex/i.test(layer)) return 'hl-date';
  if (/quot/i.test(layer)) return 'hl-quote';
  return 'hl-other';
}
const HIDDEN_BY_DEFAULT = /^(paragraph|sentence|debris|token|line)s?$/i;

// byte offset -> UTF-16 index, for every byte offset at a character boundary.
function byteIndex(text) {
  const map = new Map();
  let bytes = 0, i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return (b) => map.get(b) ?? i;
}

function markup(text, spans) {
  const at = byteIndex(text);
  const cuts = new Set([0, text.length]);
  const ranges = spans.map((s) => ({ ...s, b: at(s.begin), e: at(s.end) }));
  for (const r of ranges) cuts.add(r.b), cuts.add(r.e);
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [b, e] = [points[k], points[k + 1]];
    const over = ranges.filter((r) => r.b <= b && e <= r.e && r.b < r.e);
    const piece = esc(text.slice(b, e));
    if (!over.length) { html += piece; continue; }
    const classes = [...new Set(over.map((r) => r.cls))].join(' ');
    const title = over.map((r) => r.title).join('; ');
    const focus = over.some((r) => r.focus) ? ' data-focus="true"' : '';
    html += `<span class="${classes}" title="${esc(title)}"${focus}>${piece}</span>`;
  }
  return html;
}

async function render() {
  try {
    const doc = await get(`/api/documents/${encodeURIComponent(id ?? '')}`);
    const meta = doc.metadata ?? {};
    const layers = Object.entries(doc.layers ?? {}).filter(([, items]) => items.length);
    const shown = new Set(layers.map(([n]) => n).filter((n) => !HIDDEN_BY_DEFAULT.test(n)));
    shown.add('events');
    const label = docLabel(doc.title, doc.origin?.path, id);
    document.title = `sitrep — ${label}`;
    const draw = () => {
      const spans = [];
      for (const [name, items] of layers) {
        if (!shown.has(name)) continue;
        for (const a of items) spans.push({ begin: a.span[0], end: a.span[1], cls: classFor(name), title: `${name}: ${a.label}` });
      }
      if (shown.has('events')) {
        for (const e of doc.events) for (const [b, en] of e.evidence) {
          spans.push({ begin: b, end: en, cls: 'hl-event', title: `event ${e.id}: ${e.type} ${e.source_actor ?? ''}→${e.target_actor ?? ''}`, focus: e.id === focusEvent });
        }
      }
      document.getElementById('text').innerHTML = markup(doc.articleBody, spans);
    };
    const toggles = [['events', doc.events.length], ...layers.map(([n, items]) => [n, items.length])]
      .map(([n, count]) => `<label><input type="checkbox" data-layer="${esc(n)}" ${shown.has(n) ? 'checked' : ''}> <span class="${n === 'events' ? 'hl-event' : classFor(n)}">${esc(n)}</span> (${count})</label>`).join('');
    const eventsList = doc.events.map((e) => `<li>${typeBadge(e.type)} <a href="/event.html?id=${e.id}">event ${e.id}</a>, ${esc(e.date)}: ${actorLink(e.source_actor)} → ${actorLink(e.target_actor)}</li>`).join('');
    main.innerHTML = `<p><a href="/">← Dashboard</a></p>
      <h1>${esc(label)}</h1>
      <p class="lede">${esc(meta.source || 'outlet not stated')}${doc.published ? ` · ${esc(doc.published)}` : ' · publication date unknown'}${doc.author ? ` · ${esc(doc.author)}` : ''}${meta.url ? ` · <a href="${esc(meta.url)}" rel="noreferrer">original</a>` : ''} · document ${doc.store_id}, revision ${doc.revision}</p>
      <div class="two"><section aria-labelledby="text-h"><h2 id="text-h">Text, with what sitrep found in it</h2>
        <fieldset class="layers"><legend class="muted">Show</legend>${toggles}</fieldset>
        <div class="article-text" id="text"></div></section>
        <aside class="panel" aria-labelledby="ev-h"><h2 id="ev-h">Events reported here</h2>${eventsList ? `<ul>${eventsList}</ul>` : '<p class="muted">None.</p>'}
        <h2>Source</h2><dl class="facts"><dt>File</dt><dd class="code">${esc(doc.origin?.path)}</dd><dt>Format</dt><dd>${esc(doc.origin?.format)}</dd>
        <dt>Dropped</dt><dd>${doc.dropped?.length ?? 0} parts (debris)</dd></dl></aside></div>`;
    for (const box of main.querySelectorAll('input[data-layer]')) {
      box.addEventListener('change', () => {
        if (box.checked) shown.add(box.dataset.layer); else shown.delete(box.dataset.layer);
        draw();
      });
    }
    draw();
    main.querySelector('[data-focus]')?.scrollIntoView({ block: 'center' });
    document.body.dataset.ready = 'true';
  } catch (err) {
    showError(main, err);
    document.body.dataset.ready = 'true';
  }
}

headerCounts();
render();
