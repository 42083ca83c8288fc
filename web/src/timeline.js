// Event counts per period, stacked by PLOVER type, from /api/aggregates/counts.
import * as d3 from 'd3';
import { TYPES, TYPE_COLOR } from './colors.js';
import { esc } from './api.js';

export function drawTimeline(where, counts, bucket) {
  if (!counts.length) {
    where.innerHTML = '<p class="muted">No events match these filters.</p>';
    return;
  }
  const periods = [...new Set(counts.map((c) => c.period))].sort();
  const present = TYPES.map(([t]) => t).filter((t) => counts.some((c) => c.type === t));
  const table = periods.map((p) => {
    const row = { period: p };
    for (const t of present) row[t] = 0;
    return row;
  });
  const byPeriod = new Map(table.map((r) => [r.period, r]));
  for (const c of counts) byPeriod.get(c.period)[c.type] += c.events;
  const series = d3.stack().keys(present)(table);

  const width = Math.max(600, where.clientWidth || 900), height = 230;
  const m = { top: 8, right: 10, bottom: 28, left: 44 };
  // Bars no wider than ~60 px: a few periods stay a few bars, not a wall.
  const x = d3.scaleBand().domain(periods).range([m.left, Math.min(width - m.right, m.left + periods.length * 72)])
    .padding(0.15);
  const y = d3.scaleLinear().domain([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1]).nice()
    .range([height - m.bottom, m.top]);
  const svg = d3.create('svg').attr('viewBox', [0, 0, width, height]).attr('width', '100%')
    .attr('role', 'img').attr('aria-label', `Events per ${bucket}, stacked by type`);
  svg.append('g').selectAll('g').data(series).join('g').attr('fill', (s) => TYPE_COLOR[s.key])
    .selectAll('rect').data((s) => s.map((d) => ({ ...d, key: s.key }))).join('rect')
    .attr('x', (d) => x(d.data.period)).attr('width', x.bandwidth())
    .attr('y', (d) => y(d[1])).attr('height', (d) => Math.max(0, y(d[0]) - y(d[1])))
    .append('title').text((d) => `${d.data.period}: ${d.data[d.key]} ${d.key}`);
  const every = Math.ceil(periods.length / Math.floor(width / 70));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(periods.filter((_, i) => i % every === 0)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(Math.min(5, y.domain()[1]), 'd'));
  where.replaceChildren(svg.node());
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.innerHTML = present.map((t) => `<span style="--c:${TYPE_COLOR[t]}">${esc(t)}</span>`).join('');
  where.append(legend);
}
