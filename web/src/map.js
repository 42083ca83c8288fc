// Events by place on an offline world map (world-atlas, no tiles): a blue circle per
// place sized by its events, a red ring where people were killed; the deadliest
// provinces listed below.
import * as d3 from 'd3';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-50m.json';
import { esc } from './api.js';

const land = feature(world, world.objects.countries);

export function drawMap(where, places, casualties) {
  const width = Math.max(420, where.clientWidth || 600), height = 360;
  const points = places.map((p) => [p.longitude, p.latitude]);
  const projection = geoNaturalEarth1();
  if (points.length) {
    // Fit the places with a margin, never closer than a region of ~1500 km.
    const [x0, x1] = d3.extent(points, (p) => p[0]), [y0, y1] = d3.extent(points, (p) => p[1]);
    const pad = Math.max(7, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
    // The box's edges, sampled: meridians curve in this projection, so corners alone
    // would not keep the points inside.
    const [w, e] = [Math.max(-180, x0 - pad), Math.min(180, x1 + pad)];
    const [s, n] = [Math.max(-80, y0 - pad), Math.min(84, y1 + pad)];
    const edge = [];
    for (let k = 0; k <= 20; k++) {
      const lon = w + ((e - w) * k) / 20, lat = s + ((n - s) * k) / 20;
      edge.push([lon, s], [lon, n], [w, lat], [e, lat]);
    }
    projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: 'MultiPoint', coordinates: edge });
  } else {
    projection.fitSize([width, height], { type: 'Sphere' });
  }
  const path = geoPath(projection);
  const svg = d3.create('svg').attr('viewBox', [0, 0, width, height]).attr('width', '100%')
    .attr('role', 'img').attr('aria-label', `Map of ${places.length} places with events`);
  svg.append('path').attr('d', path(geoGraticule10())).attr('fill', 'none').attr('stroke', '#eef1f4');
  svg.append('g').selectAll('path').data(land.features).join('path').attr('class', 'map-land').attr('d', path);
  const r = d3.scaleSqrt().domain([0, d3.max(places, (p) => p.events) || 1]).range([3, 22]);
  const g = svg.append('g');
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const [x, y] = projection([p.longitude, p.latitude]);
    const dot = g.append('g');
    dot.append('circle').attr('cx', x).attr('cy', y).attr('r', r(p.events))
      .attr('fill', '#1f6fb2').attr('fill-opacity', 0.35).attr('stroke', '#1f6fb2');
    if (p.killed > 0) {
      dot.append('circle').attr('cx', x).attr('cy', y).attr('r', r(p.events) + 2.5)
        .attr('fill', 'none').attr('stroke', '#b3261e').attr('stroke-width', 2);
    }
    dot.append('title').text(`${p.place}${p.admin1 ? `, ${p.admin1}` : ''}: ${p.events} events${p.killed ? `, ${p.killed} killed` : ''}`);
  }
  // Names of the busiest places.
  for (const p of places.slice(0, 6)) {
    const [x, y] = projection([p.longitude, p.latitude]);
    svg.append('text').attr('x', x + r(p.events) + 3).attr('y', y + 4).attr('font-size', 11)
      .attr('paint-order', 'stroke').attr('stroke', '#fff').attr('stroke-width', 3).text(p.place);
  }
  where.replaceChildren(svg.node());
  const byProvince = d3.rollups(casualties, (v) => [d3.sum(v, (c) => c.killed), d3.sum(v, (c) => c.injured)],
    (c) => [c.admin1 || '(province unknown)', c.country].filter(Boolean).join(', '))
    .sort((a, b) => b[1][0] - a[1][0]).slice(0, 5);
  const note = document.createElement('div');
  note.innerHTML = `<div class="legend"><span style="--c:#1f6fb2">events at a place (area ∝ count)</span>
    <span style="--c:#b3261e">ring: people killed</span></div>` +
    (byProvince.length ? `<p class="muted" style="margin:6px 0 0;font-size:13px">Deadliest provinces: ${byProvince
      .map(([name, [k, i]]) => `${esc(name)} — ${k} killed, ${i} injured`).join('; ')}</p>` : '');
  where.append(note);
}
