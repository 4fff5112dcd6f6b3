// The one way the pages talk to the server: the JSON API under /api/v1 and /public, with the
// session cookie (sent by the browser) and, on every state-changing request, the CSRF token the
// server gave with the session. An answer that is not 2xx becomes an ApiError carrying the API's
// own error body, so a page shows the API's words, field by field.

let csrfToken = '';

export function setCsrfToken(token) {
  csrfToken = token || '';
}

// The CSRF header for a request made outside request() (an upload with progress).
export function csrfHeader() {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message_zh) || `请求失败（HTTP ${status}）`);
    this.status = status;
    this.code = (body && body.code) || 'http_' + status;
    this.fields = (body && body.fields) || [];
    this.body = body;
  }
}

// Drops empty values so a filter left blank is not sent.
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export async function request(method, path, { json, body, headers, query } = {}) {
  const h = { Accept: 'application/json', ...(headers || {}) };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) h['X-CSRF-Token'] = csrfToken;
  let payload = body;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  const res = await fetch(path + queryString(query), {
    method,
    headers: h,
    body: payload,
    credentials: 'same-origin',
  });
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return { data, etag: res.headers.get('etag'), status: res.status };
}

export const get = (path, query) => request('GET', path, { query }).then((r) => r.data);
export const post = (path, json, opts = {}) =>
  request('POST', path, { json, ...opts }).then((r) => r.data);
export const patch = (path, json, opts = {}) =>
  request('PATCH', path, { json, ...opts }).then((r) => r.data);

// The path of one record in the API.
export const recordPath = (region, id) => `/api/v1/records/${region}/${id}`;

// A map field code → the API's messages for it; messages without a field under ''.
export function fieldMessages(err) {
  const out = {};
  for (const f of (err && err.fields) || []) {
    const key = f.field || '';
    out[key] = out[key] ? out[key] + '；' + f.message_zh : f.message_zh;
  }
  return out;
}
