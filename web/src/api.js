// The JSON API of attache serve (same origin, GET only).

export class ApiError extends Error {
  constructor(message, status, param) {
    super(message);
    this.status = status;
    this.param = param || null;
  }
}

export async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const url = '/api/' + path + (q.toString() ? '?' + q.toString() : '');
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('the server cannot be reached (is attache serve running?)', 0, null);
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError(`the server answered ${res.status} without JSON`, res.status, null);
  }
  if (!res.ok) throw new ApiError(body && body.error ? body.error : `HTTP ${res.status}`, res.status, body && body.param);
  return body;
}
