// An actor: a code (PAKGOV: everyone acting for Pakistan's government) or a named
// person or organisation (?id=17) with their roles over time; events as source and as
// target, partners, and a monthly timeline.
import { esc, get, param, showError } from './api.js';
import { eventTable, headerCounts } from './common.js';
import { drawTimeline } from './timeline.js';
import { QUADS } from './colors.js';

const main = document.getElementById('main');
const key = param('code') ?? param('id') ?? '';

function rolesHtml(actors) {
  return actors.map((a) => `<li><strong>${esc(a.name)}</strong> <span class="muted">(${esc(a.kind)}${a.added_by !== 'coder' ? `, ${esc(a.added_by)}` : ''})</span>
    ${a.roles.length ? `<ul class="roles">${a.roles.map((r) => `<li>${esc(r.role)} <span class="code">${esc(r.code ?? '')}</span>: ${esc(r.start ?? '?')} – ${esc(r.end ?? 'now')}</li>`).join('')}</ul>` : ''}
    <a href="/actor.html?id=${a.id}">events of ${esc(a.name)}</a></li>`).join('');
}

async function render() {
  try {
    const out = await get(`/api/actors/${encodeURIComponent(key)}`);
    let head;
    if (out.code) {
      const c = out.code;
      document.title = `sitrep — ${c.code}`;
      const partners = c.partners.slice(0, 12).map((p) => {
        const other = p.source === c.code ? p.target : p.source;
        return `<li><a class="code" href="/actor.html?code=${encodeURIComponent(other)}">${esc(other)}</a> ${p.source === c.code ? '(as target)' : '(as source)'}: ${p.events} · ${esc(QUADS[p.quad_class]?.name ?? '')}</li>`;
      }).join('');
      head = `<h1><span class="code">${esc(c.code)}</span></h1>
        <p class="lede">${c.as_source.toLocaleString()} events as source, ${c.as_target.toLocaleString()} as target. <a href="/?actor=${encodeURIComponent(c.code)}">Open the dashboard for ${esc(c.code)}</a></p>
        <div class="grid"><section class="panel"><h2>Named actors with this code</h2>${c.members.length ? `<ul>${rolesHtml(c.members)}</ul>` : '<p class="muted">None known.</p>'}</section>
        <section class="panel"><h2>Partners</h2>${partners ? `<ul>${partners}</ul>` : '<p class="muted">None.</p>'}</section></div>`;
    } else {
      const a = out.actor;
      document.title = `sitrep — ${a.name}`;
      head = `<h1>${esc(a.name)}</h1><p class="lede">${esc(a.kind)} · <a class="code" href="/actor.html?code=${encodeURIComponent(a.code)}">${esc(a.code)}</a>${a.country ? ` · ${esc(a.country)}` : ''}${a.added_by !== 'coder' ? ` · added by ${esc(a.added_by)}` : ''}</p>
        <section class="panel"><h2>Roles over time</h2>${a.roles.length ? `<ul class="roles">${a.roles.map((r) => `<li>${esc(r.role)} <span class="code">${esc(r.code ?? '')}</span>: ${esc(r.start ?? '?')} – ${esc(r.end ?? 'now')}</li>`).join('')}</ul>` : '<p class="muted">None known.</p>'}</section>`;
    }
    main.innerHTML = `<p><a href="/">← Dashboard</a></p>${head}
      <section class="panel" style="margin:14px 0"><h2>Events per month</h2><div id="actor-timeline"></div></section>
      <section class="panel" style="margin:14px 0">${eventTable(out.events_as_source.events, `As source (actor): ${out.events_as_source.total}${out.events_as_source.total_capped ? '+' : ''} events, newest first`)}</section>
      <section class="panel">${eventTable(out.events_as_target.events, `As target (recipient): ${out.events_as_target.total}${out.events_as_target.total_capped ? '+' : ''} events, newest first`)}</section>`;
    drawTimeline(document.getElementById('actor-timeline'), out.timeline, 'month');
    document.body.dataset.ready = 'true';
  } catch (err) {
    showError(main, err);
    document.body.dataset.ready = 'true';
  }
}

headerCounts();
render();
