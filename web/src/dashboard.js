// The dashboard: filters (kept in the URL), timeline, map, actor network and the
// event table. Every view asks the server for an aggregate or one page of rows, so it
// stays fast on a million events.
import { filtersFromUrl, filtersToUrl, get, showError, esc } from './api.js';
import { headerCounts, eventTable } from './common.js';
import { TYPES } from './colors.js';
import { drawTimeline } from './timeline.js';
import { drawMap } from './map.js';
import { drawNetwork } from './network.js';

const form = document.getElementById('filters');
const PAGE = 25;
let offset = 0;

for (const [type] of TYPES) form.type.add(new Option(type, type));

function readForm() {
  const out = {};
  for (const el of form.elements) if (el.name && el.value.trim()) out[el.name] = el.value.trim();
  if (out.actor) out.actor = out.actor.toUpperCase();
  if (out.country) out.country = out.country.toUpperCase();
  return out;
}

function fillForm(filters) {
  for (const el of form.elements) if (el.name) el.value = filters[el.name] ?? '';
}

function chips(filters) {
  const parts = Object.entries(filters).map(([k, v]) => `<span class="chip">${esc(k)}: ${esc(v)}</span>`);
  document.getElementById('chips').innerHTML = parts.length ? `Showing only: ${parts.join('')}` : '';
}

async function loadTable(filters) {
  const where = document.getElementById('table');
  try {
    const page = await get('/api/events', { ...filters, offset, limit: PAGE });
    const total = `${page.total.toLocaleString()}${page.total_capped ? '+' : ''}`;
    const last = Math.min(offset + PAGE, page.total);
    where.innerHTML = eventTable(page.events, `${total} events, newest first`) +
      `<div class="pager"><button type="button" class="secondary" id="prev" ${offset === 0 ? 'disabled' : ''}>Previous</button>
       <span>${page.total ? `${offset + 1}–${last} of ${total}` : ''}</span>
       <button type="button" class="secondary" id="next" ${last >= page.total ? 'disabled' : ''}>Next</button></div>`;
    where.querySelector('#prev').onclick = () => { offset = Math.max(0, offset - PAGE); loadTable(filters); };
    where.querySelector('#next').onclick = () => { offset += PAGE; loadTable(filters); };
  } catch (e) {
    showError(where, e);
  }
}

function bucketFor(filters) {
  if (filters.from && filters.to) {
    const days = (new Date(filters.to) - new Date(filters.from)) / 864e5;
    if (days <= 60) return 'day';
    if (days <= 550) return 'week';
  }
  return 'month';
}

async function refresh() {
  const filters = filtersFromUrl();
  fillForm(filters);
  chips(filters);
  const bucket = bucketFor(filters);
  const jobs = [
    get('/api/aggregates/counts', { ...filters, bucket, by: 'type' })
      .then((r) => drawTimeline(document.getElementById('timeline'), r.counts, bucket))
      .catch((e) => showError(document.getElementById('timeline'), e)),
    Promise.all([get('/api/places', { ...filters, limit: 400 }), get('/api/aggregates/casualties', filters)])
      .then(([p, c]) => drawMap(document.getElementById('map'), p.places, c.casualties))
      .catch((e) => showError(document.getElementById('map'), e)),
    get('/api/aggregates/network', { ...filters, limit: 60 })
      .then((r) => drawNetwork(document.getElementById('network'), document.getElementById('network-list'), r.edges))
      .catch((e) => showError(document.getElementById('network-list'), e)),
    loadTable(filters),
  ];
  await Promise.all(jobs);
  document.body.dataset.ready = 'true';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  offset = 0;
  filtersToUrl(readForm());
  refresh();
});
document.getElementById('clear').onclick = () => {
  offset = 0;
  filtersToUrl({});
  refresh();
};
window.addEventListener('popstate', refresh);
headerCounts();
refresh();
