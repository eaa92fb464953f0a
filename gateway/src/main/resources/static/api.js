// The shop's REST API behind the gateway. Every failure becomes an ApiError carrying the
// problem+json the services (and the gateway) answer with, so the UI can show its detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The shop cannot be reached.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/** A page of results may come as a plain array or wrapped ({content|items|…: [...]}). */
export function itemsOf(data) {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return [];
  for (const key of ['content', 'items', 'products', 'orders', 'data', 'results']) {
    if (Array.isArray(data[key])) return data[key];
  }
  return [];
}

const enc = encodeURIComponent;

/** A query string of the parameters that have a value (no empty ones: the API reads "" as a value). */
const queryOf = (params) => Object.entries(params)
  .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
  .map(([key, value]) => `${enc(key)}=${enc(value)}`).join('&');

/**
 * The search service answers through the gateway; when it is not started (`--only shop`) the
 * gateway answers 404 (no route), 502 or 503 (not reachable), and the search service itself 503
 * when its index does not answer. The UI then does without it.
 */
export const searchUnavailable = (error) => error instanceof ApiError && [0, 404, 502, 503].includes(error.status);

/**
 * What was wrong with a search, in words: the problem's errors name the parameter ("q has a quote
 * at position 1 that is not closed" reads "The search text has a quote …").
 */
export function problemText(error) {
  const errors = error?.problem?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return error?.message || String(error);
  return errors.map((e) => `${e.field === 'q' ? 'The search text' : `The ${e.field}`} ${e.message}.`).join(' ');
}

export const api = {
  /** The whole catalogue, page by page (the product service serves at most 100 a page). */
  products: async (maxPages = 20) => {
    const all = [];
    for (let page = 0; page < maxPages; page++) {
      const data = await call('GET', `/api/products?page=${page}&size=100`);
      all.push(...itemsOf(data));
      if (Array.isArray(data) || page + 1 >= (data?.totalPages ?? 0)) break;
    }
    return all;
  },
  createProduct: (product) => call('POST', '/api/products', { body: product }),
  /**
   * The stock levels of several products in one request (answered by the gateway). A product
   * that never received goods is not in the answer: asked for alone it would be a 404, an error
   * in the browser's console for what is only "none available".
   */
  stockLevels: async (skus) => (skus.length === 0 ? []
    : call('GET', `/api/stock?${skus.map((sku) => `sku=${enc(sku)}`).join('&')}`)),
  receiveStock: (sku, quantity) =>
    call('POST', `/api/stock/${enc(sku)}/receipts`, { body: { quantity } }),
  customer: (id) => call('GET', `/api/customers/${enc(id)}`),
  registerCustomer: (customer) => call('POST', '/api/customers', { body: customer }),
  /**
   * Places an order and waits up to {@code waitSeconds} for its outcome in the same request
   * (RFC 7240 `Prefer: wait`): the decided order (201), or {id, state: 'PLACED'} (202) when it
   * takes longer.
   */
  placeOrder: (customerId, lines, idempotencyKey, waitSeconds = 2) =>
    call('POST', '/api/orders', {
      body: { customerId, lines },
      headers: { 'Idempotency-Key': idempotencyKey, Prefer: `wait=${waitSeconds}` },
    }),
  order: (id) => call('GET', `/api/orders/${enc(id)}`),
  waitForFinal: (id) => call('GET', `/api/orders/${enc(id)}?waitFor=FINAL&timeout=10s`),
  ordersOf: async (customerId) => itemsOf(await call('GET', `/api/customers/${enc(customerId)}/orders`)),
  cancelOrder: (id) => call('POST', `/api/orders/${enc(id)}/cancel`),
  eventTopics: () => call('GET', '/api/events/topics'),
  adminLinks: () => call('GET', '/api/admin/links'),
  /** GET /api/search: {type, total, page, size, hits: [{type, id, score, fields, highlights}], facets}. */
  search: (params) => call('GET', `/api/search?${queryOf(params)}`),
  /** GET /api/search/suggest: [{type, id, text}], products whose name starts like {@code q}. */
  suggest: (q, size = 8) => call('GET', `/api/search/suggest?${queryOf({ q, size })}`),
  /** POST /api/lake/query: {columns: [{name, type}], rows: [[…]], truncated, elapsedMs}. */
  lakeQuery: (sql) => call('POST', '/api/lake/query', { body: { sql } }),
};
