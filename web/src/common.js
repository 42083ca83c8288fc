// Pieces every page shares: the header's counts, event-type badges, event rows.
import './style.css';
import { esc, get } from './api.js';
import { TYPE_COLOR } from './colors.js';

export async function headerCounts() {
  try {
    const h = await get('/api/health');
    document.getElementById('counts').textContent =
      `${h.events.toLocaleString()} events · ${h.documents.toLocaleString()} documents`;
  } catch {
    document.getElementById('counts').textContent = 'server unreachable';
  }
}

// A document's name for people: its title, else its file name.
export function docLabel(title, path, id) {
  return title || (path ? path.split('/').pop() : '') || `Document ${id}`;
}

// Dark text on light badge colours, white on dark ones (WCAG relative luminance).
function inkOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#1b1f24' : '#fff';
}

export function typeBadge(type) {
  const color = TYPE_COLOR[type] ?? '#4a5560';
  return `<span class="type" style="background:${color};color:${inkOn(color)}">${esc(type)}</span>`;
}

export function actorLink(code) {
  return code ? `<a class="code" href="/actor.html?code=${encodeURIComponent(code)}">${esc(code)}</a>` : '<span class="muted">—</span>';
}

export function placeText(e) {
  return [e.place, e.admin1, e.country].filter(Boolean).map(esc).join(', ') || '<span class="muted">—</span>';
}

// A table of events; each row's id and type link to its event page.
export function eventTable(events, caption) {
  if (!events.length) return `<p class="muted">${esc(caption)}: none.</p>`;
  const rows = events.map((e) => `<tr>
      <td><a href="/event.html?id=${e.id}" aria-label="Event ${e.id}">${e.id}</a></td>
      <td>${esc(e.date)}</td>
      <td>${typeBadge(e.type)} <span class="code muted">${esc(e.cameo ?? '')}</span></td>
      <td>${actorLink(e.source_actor)}</td><td>${actorLink(e.target_actor)}</td>
      <td>${placeText(e)}</td>
      <td>${e.killed ?? ''}</td>
      <td>${e.mentions}</td>
      <td class="status-${esc(e.status)}">${esc(e.status)}${e.coded_by !== 'coder' ? ` <span class="muted">(${esc(e.coded_by)})</span>` : ''}</td>
    </tr>`).join('');
  return `<table class="events"><caption>${esc(caption)}</caption>
    <thead><tr><th scope="col">Id</th><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Source</th>
    <th scope="col">Target</th><th scope="col">Place</th><th scope="col">Killed</th><th scope="col">Reports</th>
    <th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}
