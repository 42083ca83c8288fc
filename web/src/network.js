// Actors (codes) as nodes, event counts as edges coloured by quad class, with
// cytoscape; the same edges as a list for keyboard and screen-reader users.
import cytoscape from 'cytoscape';
import { QUADS } from './colors.js';
import { esc } from './api.js';

let graph = null;

export function drawNetwork(where, list, edges) {
  if (graph) graph.destroy();
  graph = null;
  if (!edges.length) {
    where.innerHTML = '';
    list.innerHTML = '<p class="muted">No events with both a source and a target.</p>';
    return;
  }
  const degree = new Map();
  for (const e of edges) for (const a of [e.source, e.target]) degree.set(a, (degree.get(a) ?? 0) + e.events);
  const max = Math.max(...edges.map((e) => e.events));
  graph = cytoscape({
    container: where,
    elements: [
      ...[...degree].map(([id, n]) => ({ data: { id, n } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, n: e.events,
        color: QUADS[e.quad_class]?.color ?? '#8a96a3' } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(id)', 'font-size': 11, 'background-color': '#14213d',
        width: 'mapData(n, 1, ' + Math.max(2, ...degree.values()) + ', 12, 36)',
        height: 'mapData(n, 1, ' + Math.max(2, ...degree.values()) + ', 12, 36)',
        color: '#1b1f24', 'text-valign': 'top', 'text-margin-y': -3, 'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'edge', style: { width: `mapData(n, 1, ${Math.max(2, max)}, 1.5, 9)`, 'line-color': 'data(color)',
        'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
    ],
    layout: { name: edges.length > 3 ? 'cose' : 'circle', animate: false, padding: 24, randomize: false },
    wheelSensitivity: 0.3,
  });
  graph.on('tap', 'node', (evt) => { location.href = `/actor.html?code=${encodeURIComponent(evt.target.id())}`; });
  const legend = Object.values(QUADS).map((q) => `<span style="--c:${q.color}">${q.name}</span>`).join('');
  const top = edges.slice(0, 8).map((e) =>
    `<li><a href="/actor.html?code=${encodeURIComponent(e.source)}">${esc(e.source)}</a> → <a href="/actor.html?code=${encodeURIComponent(e.target)}">${esc(e.target)}</a>: ${e.events} (${esc(QUADS[e.quad_class]?.name ?? '?')})</li>`).join('');
  list.innerHTML = `<div class="legend">${legend}</div><details><summary>Busiest pairs as a list</summary><ul>${top}</ul></details>`;
}
