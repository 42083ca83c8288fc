// Talking to `sitrep serve`: JSON GETs, the filter state in the page's URL (so a view
// can be shared by copying the address), and writes with the analyst's token.

export const FILTER_KEYS = ['from', 'to', 'type', 'cameo_root', 'actor', 'actor_role', 'country', 'q', 'source',
  'lat', 'lon', 'radius_km', 'story', 'doc', 'include_rejected'];

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, v);
  const url = query.toString() ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

export async function post(path, body, token) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const out = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, out?.error?.message ?? `${res.status} ${res.statusText}`);
  return out;
}

// The filters in the address bar, as an object of non-empty strings.
export function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  const out = {};
  for (const k of FILTER_KEYS) if (params.get(k)) out[k] = params.get(k);
  return out;
}

export function filtersToUrl(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

// Text in HTML, safely.
export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function showError(where, error) {
  where.innerHTML = `<p class="error" role="alert">${esc(error.message)}</p>`;
}

export const token = {
  get: () => sessionStorage.getItem('sitrep-token') ?? '',
  set: (value) => sessionStorage.setItem('sitrep-token', value),
};
