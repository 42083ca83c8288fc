// One event: what was coded, every report of it across sources with the evidence
// sentence highlighted in its paragraph, the corrections made so far, and the review
// form that makes a new one (with the server's token).
import { esc, get, param, post, showError, token } from './api.js';
import { actorLink, docLabel, headerCounts, placeText, typeBadge } from './common.js';
import { TYPES } from './colors.js';

const main = document.getElementById('main');
const id = param('id');

function mentionHtml(m) {
  const c = m.context;
  const when = m.published ? ` · published ${esc(m.published)}` : '';
  const merged = m.event_id !== Number(id) ? ` · from merged event ${m.event_id}` : '';
  const label = docLabel(m.title, m.path, m.doc_id);
  return `<article class="mention" aria-label="Report in ${esc(label)}">
    <h3><a href="/article.html?id=${m.doc_id}&amp;event=${id}">${esc(label)}</a></h3>
    <div class="meta">${esc(m.source ?? 'outlet not stated')} · document ${m.doc_id}${when} · evidence at bytes ${m.evidence[0]}–${m.evidence[1]}${merged}</div>
    <blockquote>${c.truncated_before ? '… ' : ''}${esc(c.before)}<mark>${esc(c.evidence)}</mark>${esc(c.after)}${c.truncated_after ? ' …' : ''}</blockquote>
  </article>`;
}

function correctionHtml(c) {
  const what = Object.entries(c.payload).filter(([k]) => k !== 'into_anchor' && k !== 'mentions')
    .map(([k, v]) => `${esc(k)} = ${esc(v)}`).join(', ');
  const was = Object.entries(c.replaced).map(([k, v]) => `${esc(k)} was ${esc(v ?? '—')}`).join(', ');
  return `<li><strong>${esc(c.action)}</strong>${what ? ` (${what})` : ''} by ${esc(c.author)}, ${esc(c.created_at)}${was ? ` — ${was}` : ''}${c.note ? `: “${esc(c.note)}”` : ''}</li>`;
}

function reviewForm(e) {
  const types = TYPES.map(([t]) => `<option ${t === e.type ? 'selected' : ''}>${t}</option>`).join('');
  return `<section class="panel review" aria-labelledby="review-h"><h2 id="review-h">Review this event</h2>
    <p class="muted" style="margin-top:0">Corrections are stored apart from the coder's output, with who and when, and survive re-coding.</p>
    <form id="review">
      <label>Correction <select name="action">
        <option value="mark_wrong">Mark as wrong</option><option value="restore">Restore (not wrong)</option>
        <option value="set_type">Change the type</option><option value="set_actors">Change the actors</option>
        <option value="set_date">Change the date</option><option value="merge">Merge into another event</option>
      </select></label>
      <label data-for="set_type">New type <select name="type">${types}</select></label>
      <label data-for="set_actors">Source actor <input name="source_actor" value="${esc(e.source_actor ?? '')}"></label>
      <label data-for="set_actors">Target actor <input name="target_actor" value="${esc(e.target_actor ?? '')}"></label>
      <label data-for="set_date">New date <input name="date" value="${esc(e.date)}" placeholder="2024-09-16"></label>
      <label data-for="merge">Keep event (id) <input name="into" inputmode="numeric"></label>
      <label>Your name <input name="author" required value="${esc(localStorage.getItem('sitrep-author') ?? '')}"></label>
      <label>Note <textarea name="note" rows="2"></textarea></label>
      <label>Server token <input name="token" type="password" autocomplete="off" value="${esc(token.get())}"></label>
      <div><button type="submit">Save correction</button></div>
      <div id="review-result" aria-live="polite"></div>
    </form></section>`;
}

function wireReview(form) {
  const show = () => {
    for (const label of form.querySelectorAll('[data-for]')) label.hidden = label.dataset.for !== form.action.value;
  };
  form.action.addEventListener('change', show);
  show();
  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    const f = form.elements;
    const payload = {};
    if (f.action.value === 'set_type') payload.type = f.type.value;
    if (f.action.value === 'set_actors') Object.assign(payload, { source_actor: f.source_actor.value.trim().toUpperCase(), target_actor: f.target_actor.value.trim().toUpperCase() });
    if (f.action.value === 'set_date') payload.date = f.date.value.trim();
    if (f.action.value === 'merge') payload.into = Number(f.into.value);
    token.set(f.token.value);
    localStorage.setItem('sitrep-author', f.author.value);
    const result = document.getElementById('review-result');
    try {
      await post(`/api/events/${id}/corrections`, { action: f.action.value, payload, author: f.author.value, note: f.note.value }, f.token.value);
      await render(`Saved: ${f.action.value}.`);
    } catch (e) {
      result.innerHTML = `<p class="error" role="alert">${esc(e.message)}</p>`;
    }
  });
}

async function render(notice = '') {
  try {
    const { event: e, mentions, corrections } = await get(`/api/events/${encodeURIComponent(id ?? '')}`);
    const sources = new Set(mentions.map((m) => m.source ?? m.doc_id));
    document.title = `sitrep — event ${e.id}: ${e.type}`;
    main.innerHTML = `
      <p><a href="/">← Dashboard</a></p>
      ${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ''}
      <h1>${typeBadge(e.type)} ${actorLink(e.source_actor)} → ${actorLink(e.target_actor)}</h1>
      <p class="lede">Event ${e.id} · ${esc(e.date)} · ${placeText(e)} · reported ${mentions.length} time${mentions.length === 1 ? '' : 's'} in ${sources.size} source${sources.size === 1 ? '' : 's'}</p>
      <div class="two">
        <section aria-labelledby="reports-h"><h2 id="reports-h">Reports, with the evidence highlighted</h2>
          ${mentions.map(mentionHtml).join('') || '<p class="muted">No reports.</p>'}</section>
        <div>
          <section class="panel" aria-labelledby="facts-h"><h2 id="facts-h">As coded</h2><dl class="facts">
            <dt>Status</dt><dd class="status-${esc(e.status)}" id="event-status">${esc(e.status)}${e.merged_into ? ` into <a href="/event.html?id=${e.merged_into}">${e.merged_into}</a>` : ''}</dd>
            <dt>Type</dt><dd id="event-type">${esc(e.type)} (quad class ${e.quad_class ?? '—'})</dd>
            <dt>CAMEO</dt><dd class="code">${esc(e.cameo ?? '—')}</dd>
            <dt>Date</dt><dd>${esc(e.date)} <span class="muted">(${esc(e.date_precision ?? '')})</span></dd>
            <dt>Source</dt><dd>${actorLink(e.source_actor)}</dd><dt>Target</dt><dd>${actorLink(e.target_actor)}</dd>
            <dt>Place</dt><dd>${placeText(e)}${e.latitude != null ? ` <span class="muted">(${e.latitude.toFixed(3)}, ${e.longitude.toFixed(3)})</span>` : ''}</dd>
            <dt>Killed</dt><dd>${e.killed ?? '—'}</dd><dt>Injured</dt><dd>${e.injured ?? '—'}</dd>
            <dt>Coded by</dt><dd>${esc(e.coded_by)}${e.coded_by === 'fixture' ? ' (test fixture, not the coder)' : ''}</dd>
            <dt>Confidence</dt><dd>${e.confidence.toFixed(2)}</dd></dl></section>
          <section class="panel" aria-labelledby="history-h" style="margin-top:14px"><h2 id="history-h">Corrections</h2>
            ${corrections.length ? `<ul id="corrections">${corrections.map(correctionHtml).join('')}</ul>` : '<p class="muted" id="corrections">None yet.</p>'}</section>
          <div style="margin-top:14px">${reviewForm(e)}</div>
        </div>
      </div>`;
    wireReview(document.getElementById('review'));
    document.body.dataset.ready = 'true';
  } catch (err) {
    showError(main, err);
    document.body.dataset.ready = 'true';
  }
}

headerCounts();
render();
