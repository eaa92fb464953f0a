// The shop page's clickstream: what the visitor does, collected and sent in small batches to
// POST /api/events/clicks (the gateway names the visitor by a cookie; nothing personal is sent).
// A batch leaves every few seconds, when it is full, and when the page is hidden or left — then
// with navigator.sendBeacon, which the browser delivers even as the page goes away.

const ENDPOINT = '/api/events/clicks';
const FLUSH_EVERY_MS = 2000;
const BATCH_AT_MOST = 20;

const pending = [];
let timer = null;

/** Records one action: track('ADD_TO_CART', { sku, quantity }). */
export function track(action, fields = {}) {
  pending.push({ action, page: location.hash || '#/shop', ...fields, occurredAt: new Date().toISOString() });
  if (pending.length >= BATCH_AT_MOST) flush();
  else if (!timer) timer = setTimeout(flush, FLUSH_EVERY_MS);
}

/** Sends what is collected; as a beacon when the page is going away. */
export function flush(leaving = false) {
  clearTimeout(timer);
  timer = null;
  if (pending.length === 0) return;
  const body = JSON.stringify({ clicks: pending.splice(0, BATCH_AT_MOST) });
  // A string beacon goes as text/plain, which the gateway takes; the cookie goes with it.
  if (leaving && navigator.sendBeacon && navigator.sendBeacon(ENDPOINT, body)) return;
  fetch(ENDPOINT, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true })
    .catch(() => {});  // analytics never get in the visitor's way
  if (pending.length > 0) flush(leaving);
}

/** Reports a product once it is at least half in view, once per page load. */
const viewed = new Set();
const observer = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const sku = entry.target.dataset.sku;
    if (entry.isIntersecting && sku && !viewed.has(sku)) {
      viewed.add(sku);
      track('PRODUCT_VIEW', { sku });
    }
  }
}, { threshold: 0.5 }) : null;

export function watchProduct(element) {
  observer?.observe(element);
}

document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(true); });
window.addEventListener('pagehide', () => flush(true));
