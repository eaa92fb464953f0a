import { api, problemText, searchUnavailable } from './api.js';
import { showAdminSearch } from './admin-search.js';
import { track, watchProduct } from './clicks.js';
import { showDashboard } from './dashboard.js';
import { showInsights } from './insights.js';
import { $, alertError, el } from './dom.js';
import {
  facetGroup, highlighted, newestOnly, replaceKeepingFocus, suggestionList, whenPaused,
} from './search.js';

// ---- words -------------------------------------------------------------------------------------
const REASONS = {
  OUT_OF_STOCK: 'Not enough stock for one of the products',
  UNKNOWN_PRODUCT: 'A product is not in the catalogue',
  UNKNOWN_CUSTOMER: 'We do not know this customer',
  CUSTOMER_BLOCKED: 'The customer account is blocked',
  CREDIT_LIMIT_EXCEEDED: "The order is above the customer's remaining credit",
  FRAUD_SUSPECTED: 'The order looks suspicious and was stopped',
  TIMEOUT: 'The order could not be checked in time',
};
const STATES = {
  PLACED: 'Being checked…',
  VALIDATED: 'Confirmed',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
};
const FINAL = new Set(['VALIDATED', 'REJECTED', 'CANCELLED']);
const money = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' });
const chf = (amount) => money.format(Number(amount ?? 0));
const reasonText = (reason) => REASONS[reason] || String(reason).toLowerCase().replaceAll('_', ' ');

// ---- errors ------------------------------------------------------------------------------------
async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    alertError(error);
    return undefined;
  }
}

// ---- state -------------------------------------------------------------------------------------
const state = {
  products: [],
  stock: new Map(),      // sku -> available
  cart: new Map(),       // sku -> quantity
  customer: null,        // {id, name, ...}
  orders: new Map(),     // id -> order as last seen (this session's and "my orders")
  orderStream: null,
};

// ---- views -------------------------------------------------------------------------------------
function showView() {
  const view = (location.hash.match(/^#\/(\w+)/) || [])[1] || 'shop';
  for (const section of document.querySelectorAll('[data-view]')) {
    section.hidden = section.dataset.view !== view;
  }
  for (const link of document.querySelectorAll('[data-view-link]')) {
    if (link.dataset.viewLink === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  track('PAGE_VIEW', { page: `#/${view}` });
  if (view === 'orders') loadMyOrders();
  if (view === 'admin') startEventLog();
  showAdminSearch(view === 'admin');
  showDashboard(view === 'dashboard');
  showInsights(view === 'insights');
}

// ---- catalogue ---------------------------------------------------------------------------------
async function loadCatalogue() {
  const products = await attempt(() => api.products());
  if (!products) return;
  state.products = products.sort((a, b) => a.name.localeCompare(b.name));
  const categories = [...new Set(products.map((p) => p.category).filter(Boolean))].sort();
  const select = $('#category');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'All'), ...categories.map((c) => el('option', { value: c }, c)));
  select.value = categories.includes(chosen) ? chosen : '';
  $('#sku-list').replaceChildren(...products.map((p) => el('option', { value: p.sku }, p.name)));
  state.stock.clear();
  renderCatalogue();
}

/** Reads the stock of these products in one request; one without a level has none available. */
async function refreshStock(skus) {
  const levels = await api.stockLevels(skus).catch(() => null);
  const available = new Map((levels || []).map((level) => [level.sku, Number(level.available ?? 0)]));
  skus.forEach((sku) => showStock(sku, levels ? (available.get(sku) ?? 0) : null));
}

function showStock(sku, available) {
  state.stock.set(sku, available);
  const badge = document.querySelector(`[data-testid="stock-${CSS.escape(sku)}"]`);
  if (badge) renderStockBadge(badge, sku);
}

function renderStockBadge(badge, sku) {
  const available = state.stock.get(sku);
  badge.textContent = available === undefined ? 'stock …' : available === null ? 'stock unknown' : `${available} available`;
  badge.className = 'stock ' + (available > 0 ? 'in' : 'out');
  badge.dataset.available = available ?? '';
}

function matches(product, text, category) {
  if (category && product.category !== category) return false;
  if (!text) return true;
  const haystack = `${product.name} ${product.sku} ${product.category} ${product.description ?? ''}`.toLowerCase();
  return text.toLowerCase().split(/\s+/).every((word) => haystack.includes(word));
}

// Stock is read for the products shown, so the page shows a bounded number of them at once.
const SHOWN_AT_MOST = 48;

/** Shows the catalogue for what the search box and the filters say, with the service or without. */
function renderCatalogue() {
  if (searchService.usable()) searchCatalogue();
  else filterCatalogue();
}

/** The page's own filter over the products it loaded: the catalogue without the search service. */
function filterCatalogue() {
  catalogueAnswers.next();  // an answer of the service still on its way is not shown over this
  showSearchMode(false);
  const text = $('#search').value.trim();
  const category = $('#category').value;
  const found = state.products.filter((p) => matches(p, text, category));
  showProducts(found.slice(0, SHOWN_AT_MOST).map((product) => ({ product })), found.length);
}

/**
 * Cards for {product, hit?} in this order; {@code total} is how many match in all. A product
 * already shown keeps its card, with the quantity typed into it: results arrive while the visitor
 * acts on the cards, and only what matched changes.
 */
function showProducts(shown, total) {
  $('#catalogue-empty').hidden = total > 0;
  $('#catalogue-more').hidden = total <= shown.length;
  $('#catalogue-more').textContent = `Showing ${shown.length} of ${total} products: search to narrow down.`;
  const list = $('#products');
  const showing = new Map([...list.children].map((card) => [card.dataset.sku, card]));
  const cards = shown.map(({ product, hit }) => {
    const card = showing.get(product.sku);
    if (!card || card.dataset.shows !== shows(product)) return productCard(product, hit);
    card.querySelector('h3').replaceChildren(...highlighted(product.name, hit?.highlights?.name));
    card.querySelector('.description')?.replaceChildren(...highlighted(product.description, hit?.highlights?.description));
    return card;
  });
  // Moved only when the list changed: a card taken out and put back loses the keyboard focus.
  if (cards.length !== list.children.length || cards.some((card, i) => list.children[i] !== card)) {
    list.replaceChildren(...cards);
  }
  const unasked = shown.map(({ product }) => product.sku).filter((sku) => !state.stock.has(sku));
  unasked.forEach((sku) => state.stock.set(sku, undefined));  // asked for: not twice while typing
  if (unasked.length > 0) refreshStock(unasked);
}

// ---- catalogue search --------------------------------------------------------------------------
// The search service finds products despite typos, marks what matched and counts facets; the
// cards stay the page's own (its product list, the stock service's levels, add to cart). Without
// the service (`./eventshop up --only shop`) the page filters its list as before and tries the
// service again a while later.
const searchService = {
  downUntil: 0,
  usable() { return Date.now() >= this.downUntil; },
  down() { this.downUntil = Date.now() + 30_000; },
};
const catalogueAnswers = newestOnly();
const suggestionAnswers = newestOnly();
const facetChoice = { category: '', price: '', inStock: false };
let suggestions = null;

// The price facet's ranges include their lower bound and exclude the upper one (10-50 is 10.00 to
// 49.99); the filter's maxPrice includes its bound, and prices are in centimes.
const PRICE_LABELS = { '-10': 'Under CHF 10', '500-': 'CHF 500 and more' };
const priceLabel = (range) => PRICE_LABELS[range] ?? `CHF ${range.replace('-', '–')}`;
function priceFilter(range) {
  if (!range) return {};
  const [low, high] = range.split('-');
  return { minPrice: low || undefined, maxPrice: high ? (Number(high) - 0.01).toFixed(2) : undefined };
}

/**
 * The query as the service should read it. A sku is matched exactly, as the product's id, and skus
 * are upper-case; text is matched whatever its case. So sku-shaped words (letters and digits
 * joined by dashes, as "e2e-kettle-1") go upper-cased, as the page's own filter found them too.
 */
const asQuery = (text) => text.replace(/(^|\s)([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+)(?=\s|$)/gu,
  (all, space, word) => space + word.toUpperCase());

/** A last word being typed ("kett") is not a word yet: a query ending in one may try it as a prefix. */
const endsInWord = (q) => /[\p{L}\p{N}]$/u.test(q) && (q.match(/"/g) || []).length % 2 === 0;

async function searchCatalogue() {
  const ticket = catalogueAnswers.next();
  const q = asQuery($('#search').value.trim());
  const sort = $('#search-sort').value;
  const params = {
    type: 'product', q, size: SHOWN_AT_MOST,
    sort: sort === 'relevance' && !q ? 'name' : sort,  // nothing to rank by: browse by name
    category: facetChoice.category, ...priceFilter(facetChoice.price), inStock: facetChoice.inStock,
  };
  let answer;
  try {
    answer = await api.search(params);
    if (answer.total === 0 && endsInWord(q) && catalogueAnswers.isNewest(ticket)) {
      answer = await api.search({ ...params, q: `${q}*` });
    }
  } catch (error) {
    if (!catalogueAnswers.isNewest(ticket)) return;
    if (searchUnavailable(error)) {
      searchService.down();
      filterCatalogue();
    } else {
      showSearchProblem(problemText(error));
    }
    return;
  }
  if (!catalogueAnswers.isNewest(ticket)) return;
  showSearchProblem(null);
  showSearchMode(true);
  const known = new Map(state.products.map((p) => [p.sku, p]));
  const shown = answer.hits.map((hit) => {
    if (!known.has(hit.id)) {
      // Created since the page loaded its list: shown (and put in the cart) as the index has it.
      known.set(hit.id, { sku: hit.id, ...hit.fields });
      state.products.push(known.get(hit.id));
    }
    return { product: known.get(hit.id), hit };
  });
  showProducts(shown, answer.total);
  // What was found, told in the live region (then not twice when nothing was).
  const narrowed = q || facetChoice.category || facetChoice.price || facetChoice.inStock;
  $('#search-status').textContent = !narrowed ? ''
    : answer.total === 0 ? 'No products match.' : `${answer.total} ${answer.total === 1 ? 'product' : 'products'} found.`;
  if (narrowed) $('#catalogue-empty').hidden = true;
  showFacets(answer.facets || {});
}

/** The search service's controls (facets, sort) or the page's own (the category list). */
function showSearchMode(service) {
  $('#facets').hidden = !service;
  $('#sort-filter').hidden = !service;
  $('#category-filter').hidden = service;
  if (!service) {
    $('#search-status').textContent = '';
    suggestions?.close();
  }
}

function showSearchProblem(text) {
  if (text) suggestions.close();  // not over the explanation; typing on opens them again
  $('#search-problem').hidden = !text;
  $('#search-problem').textContent = text ?? '';
}

function showFacets(facets) {
  const choose = (facet) => (value) => {
    facetChoice[facet] = value;
    renderCatalogue();
  };
  const inStock = (facets.inStock || []).find((c) => c.value === 'true')?.count ?? 0;
  replaceKeepingFocus($('#facets'),
    facetGroup({ name: 'facet-category', legend: 'Category', counts: facets.category, chosen: facetChoice.category, onChoose: choose('category') }),
    facetGroup({ name: 'facet-price', legend: 'Price', counts: facets.price, chosen: facetChoice.price, label: priceLabel, onChoose: choose('price') }),
    el('fieldset', { class: 'facet', 'data-facet': 'facet-stock' },
      el('legend', {}, 'Availability'),
      el('label', { class: 'chip' },
        el('input', {
          type: 'checkbox', name: 'facet-stock', value: 'true', checked: facetChoice.inStock,
          onchange: (e) => { facetChoice.inStock = e.target.checked; renderCatalogue(); },
        }),
        'In stock only', el('span', { class: 'count' }, ` (${inStock})`))));
}

async function suggestCompletions() {
  const ticket = suggestionAnswers.next();
  const q = $('#search').value.trim();
  if (!q || q.length > 100) {  // the suggestions' limit: a longer text is no name being typed
    suggestions.show([]);
    return;
  }
  const found = await api.suggest(q).catch(() => null);  // suggestions are a help, never an error
  // Not over the explanation of a query the search could not read.
  if (!suggestionAnswers.isNewest(ticket) || found === null || !$('#search-problem').hidden) return;
  // The box's own text is no suggestion.
  suggestions.show([...new Set(found.map((s) => s.text))].filter((text) => text !== $('#search').value));
}

const searchWhenTypingPauses = whenPaused(() => {
  renderCatalogue();  // the service may have been found down meanwhile
  if (searchService.usable()) suggestCompletions();
}, 200);

function onSearchInput() {
  if (searchService.usable()) {
    searchWhenTypingPauses();
  } else {
    filterCatalogue();  // instant: no request
  }
}

// A search is tracked when it is committed (Enter, leaving the box, a suggestion taken), once:
// a suggestion taken is followed by the box's change event when it loses the focus.
let trackedSearch = '';
function trackSearch() {
  const query = $('#search').value.trim().slice(0, 200);
  if (query && query !== trackedSearch) track('SEARCH', { query });
  trackedSearch = query;
}

/** What a card shows of a product, to tell whether the card of a product reloaded still fits. */
const shows = (product) => JSON.stringify([product.name, product.category, chf(product.price), product.description ?? '']);

/** A product's card; with a search hit, the words that matched are marked in its name and description. */
function productCard(product, hit) {
  const qtyId = `qty-${product.sku}`;
  const badge = el('span', { 'data-testid': `stock-${product.sku}` });
  renderStockBadge(badge, product.sku);
  const card = el('li', { class: 'product card', 'data-testid': `product-${product.sku}`, 'data-sku': product.sku, 'data-shows': shows(product) },
    el('div', { class: 'product-head' },
      el('h3', {}, highlighted(product.name, hit?.highlights?.name)),
      el('span', { class: 'category' }, product.category || '')),
    el('p', { class: 'muted sku' }, product.sku),
    product.description ? el('p', { class: 'description' }, highlighted(product.description, hit?.highlights?.description)) : null,
    el('p', { class: 'price-line' }, el('strong', { class: 'price' }, chf(product.price)), badge),
    el('div', { class: 'add' },
      el('label', { for: qtyId, class: 'visually-hidden' }, `Quantity of ${product.name}`),
      el('input', { id: qtyId, type: 'number', min: 1, value: 1, step: 1, 'data-testid': qtyId, class: 'qty' }),
      el('button', {
        type: 'button', 'data-testid': `add-${product.sku}`,
        onclick: () => addToCart(product.sku, Number(document.getElementById(qtyId).value || 1)),
      }, 'Add to cart')));
  watchProduct(card);
  return card;
}

// ---- cart --------------------------------------------------------------------------------------
function addToCart(sku, quantity) {
  if (!(quantity > 0)) return;
  state.cart.set(sku, (state.cart.get(sku) || 0) + Math.floor(quantity));
  track('ADD_TO_CART', { sku, quantity: Math.floor(quantity) });
  renderCart();
}

function renderCart() {
  const lines = [...state.cart.entries()];
  const product = (sku) => state.products.find((p) => p.sku === sku) || { sku, name: sku, price: 0 };
  $('#cart-empty').hidden = lines.length > 0;
  $('#cart-lines').replaceChildren(...lines.map(([sku, quantity]) => el('li', { 'data-testid': `cart-line-${sku}` },
    el('span', { class: 'cart-name' }, `${quantity} × ${product(sku).name}`),
    el('span', {}, chf(quantity * Number(product(sku).price))),
    el('button', {
      type: 'button', class: 'link', 'aria-label': `Remove ${product(sku).name} from the cart`,
      onclick: () => { state.cart.delete(sku); renderCart(); },
    }, 'Remove'))));
  const total = lines.reduce((sum, [sku, q]) => sum + q * Number(product(sku).price), 0);
  $('#cart-total').textContent = chf(total);
  $('#place-order').disabled = lines.length === 0;
}

async function placeOrder() {
  if (!state.customer) {
    alertError(new Error('Choose or register a customer first.'));
    $('#customer-id').focus();
    return;
  }
  const lines = [...state.cart.entries()].map(([sku, quantity]) => ({ sku, quantity }));
  const button = $('#place-order');
  button.disabled = true;
  // One key per checkout: a retried click or a network retry cannot place a second order.
  const key = crypto.randomUUID();
  const placed = await attempt(() => api.placeOrder(state.customer.id, lines, key));
  button.disabled = false;
  if (!placed) return;
  track('CHECKOUT', { orderId: placed.id });
  state.cart.clear();
  renderCart();
  const order = { id: placed.id, state: 'PLACED', reasons: [], lines };
  trackOrder(order);
  // Mostly the answer has the outcome already; if it took longer, the stream tells it, and a
  // long poll is the safety net if a stream event is missed.
  if (FINAL.has(placed.state)) updateOrder(placed);
  else api.waitForFinal(order.id).then(updateOrder).catch(() => {});
}

// ---- live order status -------------------------------------------------------------------------
function trackOrder(order) {
  state.orders.set(order.id, order);
  const item = el('li', { class: 'order-item', 'data-testid': `order-${order.id}`, 'data-order-id': order.id });
  $('#order-feed').prepend(item);
  renderOrderItem(item, order);
}

const productName = (sku) => state.products.find((p) => p.sku === sku)?.name || sku;
const describeLines = (lines) => (lines || []).map((l) => `${l.quantity} × ${productName(l.sku)}`).join(', ');

function renderOrderItem(item, order) {
  item.replaceChildren(
    el('div', { class: 'order-line' },
      el('span', { class: 'order-id', title: order.id }, `Order ${order.id.slice(0, 8)}`),
      el('span', { class: `state state-${order.state}`, 'data-testid': `order-state-${order.id}` }, order.state)),
    el('p', { class: 'muted' }, `${STATES[order.state] || ''} ${describeLines(order.lines)}`),
    ...(order.reasons?.length
      ? [el('ul', { class: 'reasons', 'data-testid': `order-reasons-${order.id}` },
        ...order.reasons.map((r) => el('li', { 'data-reason': r }, reasonText(r))))]
      : []));
}

function updateOrder(change) {
  const id = change?.id || change?.orderId;
  if (!id) return;
  const known = state.orders.get(id);
  if (known && FINAL.has(known.state) && change.state === 'PLACED') return;  // late echo
  const order = { ...known, ...change, id, reasons: change.reasons || known?.reasons || [] };
  state.orders.set(id, order);
  const item = document.querySelector(`[data-order-id="${CSS.escape(id)}"]`);
  if (item) renderOrderItem(item, order);
  if (known?.state !== order.state && FINAL.has(order.state)) {
    refreshStock((order.lines || known?.lines || []).map((line) => line.sku));
    if (!$('#view-orders').hidden) loadMyOrders();
  }
}

function followOrders() {
  state.orderStream?.close();
  if (!state.customer) return;
  const stream = new EventSource(`/api/orders/stream?customerId=${encodeURIComponent(state.customer.id)}`);
  const onEvent = (event) => {
    try { updateOrder(JSON.parse(event.data)); } catch { /* not an order change */ }
  };
  // The order service names its events "order" (data: the order as GET /api/orders/{id} shows it).
  stream.addEventListener('order', onEvent);
  stream.onmessage = onEvent;
  state.orderStream = stream;
}

// ---- customer ----------------------------------------------------------------------------------
async function useCustomer(id) {
  id = id.trim();
  if (!id) return;
  const customer = await attempt(() => api.customer(id));
  if (!customer) return;
  state.customer = customer;
  localStorage.setItem('eventshop.customer', customer.id);
  $('#customer-id').value = customer.id;
  $('#customer-name').textContent = `${customer.name} — credit ${chf(customer.creditLimit)}`;
  followOrders();
  if (!$('#view-orders').hidden) loadMyOrders();
}

async function registerCustomer(form) {
  const f = new FormData(form);
  const registered = await attempt(() => api.registerCustomer({
    name: f.get('name'), email: f.get('email'),
    address: { street: f.get('street'), zip: f.get('zip'), city: f.get('city'), country: f.get('country') },
    creditLimit: Number(f.get('creditLimit')),
  }));
  if (!registered) return;
  form.reset();
  $('#new-customer').open = false;
  // The customer's state is materialised from its topic: it can take a moment to be readable.
  for (let tries = 0; tries < 20; tries++) {
    const customer = await api.customer(registered.id).catch(() => null);
    if (customer) return useCustomer(registered.id);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  $('#customer-id').value = registered.id;
  alertError(new Error(`Registered as ${registered.id}, but the profile is not readable yet; press Use in a moment.`));
}

// ---- my orders ---------------------------------------------------------------------------------
async function loadMyOrders() {
  const table = $('#orders-table');
  if (!state.customer) {
    table.hidden = true;
    $('#orders-empty').hidden = false;
    return;
  }
  const orders = await attempt(() => api.ordersOf(state.customer.id));
  if (!orders) return;
  $('#orders-empty').hidden = orders.length > 0;
  $('#orders-empty').textContent = 'No orders yet.';
  table.hidden = orders.length === 0;
  orders.sort((a, b) => String(b.placedAt ?? '').localeCompare(String(a.placedAt ?? '')));
  $('#orders-body').replaceChildren(...orders.map(orderRow));
}

function orderRow(order) {
  state.orders.set(order.id, { ...state.orders.get(order.id), ...order });
  const cancel = order.state === 'VALIDATED'
    ? el('button', { type: 'button', 'data-testid': `cancel-${order.id}`, onclick: () => cancelOrder(order) }, 'Cancel')
    : null;
  return el('tr', { 'data-testid': `my-order-${order.id}` },
    el('td', { title: order.id }, order.id.slice(0, 8)),
    el('td', {}, describeLines(order.lines)),
    el('td', { class: 'num' }, chf(order.total)),
    el('td', {},
      el('span', { class: `state state-${order.state}`, 'data-testid': `my-order-state-${order.id}` }, order.state),
      order.reasons?.length ? el('ul', { class: 'reasons' }, ...order.reasons.map((r) => el('li', {}, reasonText(r)))) : null),
    el('td', {}, cancel));
}

async function cancelOrder(order) {
  const done = await attempt(() => api.cancelOrder(order.id));
  if (done === undefined) return;
  const lines = order.lines || [];
  const before = new Map(lines.map((l) => [l.sku, state.stock.get(l.sku)]));
  // The release of the reservation is an event of its own: watch the stock come back.
  for (let tries = 0; tries < 20; tries++) {
    await refreshStock(lines.map((l) => l.sku));
    if (lines.every((l) => state.stock.get(l.sku) !== before.get(l.sku))) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  $('#orders-note').textContent = `Order ${order.id.slice(0, 8)} cancelled. Stock now: ` +
    lines.map((l) => `${l.sku} ${state.stock.get(l.sku) ?? '?'} available`).join(', ') + '.';
  loadMyOrders();
}

// ---- admin -------------------------------------------------------------------------------------
async function createProduct(form) {
  const f = new FormData(form);
  const product = {
    sku: f.get('sku').trim(), name: f.get('name').trim(), category: f.get('category').trim(),
    price: Number(f.get('price')), description: f.get('description').trim(),
  };
  const created = await attempt(() => api.createProduct(product));
  if (created === undefined) return;
  form.reset();
  $('#receipt-result').textContent = `Product ${product.sku} created.`;
  setTimeout(loadCatalogue, 300);
}

// The applications beside the shop that this run started (the legacy CRM), as the gateway was told.
const LINK_TITLES = { 'legacy-crm': 'Legacy CRM — its customers, captured into the shop by CDC' };

async function loadAdminLinks() {
  const links = await api.adminLinks().catch(() => []);
  $('#admin-link-list').replaceChildren(...links.map((link) =>
    el('li', {}, el('a', { href: link.url }, LINK_TITLES[link.name] ?? link.name))));
  $('#admin-links').hidden = links.length === 0;
}

async function receiveStock(form) {
  const f = new FormData(form);
  const sku = f.get('sku').trim();
  const quantity = Number(f.get('quantity'));
  const level = await attempt(() => api.receiveStock(sku, quantity));
  if (level === undefined) return;
  form.reset();
  $('#receipt-result').textContent = `Received ${quantity} × ${sku}.`;
  // The stock service answers once the receipt is committed, with the new level.
  showStock(sku, Number(level?.available ?? 0));
}

let eventLog = null;
const MAX_EVENTS = 200;

async function startEventLog() {
  if (eventLog) return;
  const topics = await api.eventTopics().catch(() => []);
  $('#event-topic').append(...topics.map((t) => el('option', { value: t }, t)));
  eventLog = new EventSource('/api/events/stream');
  eventLog.onopen = () => { $('#event-status').textContent = 'Live.'; };
  eventLog.onerror = () => { $('#event-status').textContent = 'Reconnecting…'; };
  eventLog.addEventListener('event', (message) => {
    if ($('#event-pause').checked) return;
    const entry = JSON.parse(message.data);
    const list = $('#events');
    list.prepend(eventItem(entry));
    while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
  });
  $('#event-topic').addEventListener('change', filterEvents);
}

function eventItem(entry) {
  const topic = $('#event-topic').value;
  const decoded = entry.value !== null && entry.value !== undefined;
  const summary = decoded ? JSON.stringify(entry.value)
    : entry.error ? `(${entry.size} bytes: ${entry.error})` : '(tombstone: the key was deleted)';
  return el('li', { class: 'event', 'data-topic': entry.topic, hidden: Boolean(topic) && topic !== entry.topic },
    el('div', { class: 'event-head' },
      el('span', { class: 'topic' }, entry.topic),
      el('span', { class: 'key' }, `key ${entry.key ?? '(none)'}`),
      el('span', { class: 'muted' }, `p${entry.partition}@${entry.offset}`),
      el('time', { datetime: entry.timestamp, class: 'muted' }, new Date(entry.timestamp).toLocaleTimeString())),
    decoded
      ? el('details', { class: 'value' },
        el('summary', {}, summary),
        el('pre', {}, JSON.stringify(entry.value, null, 2)))
      : el('p', { class: 'value muted' }, summary));
}

function filterEvents() {
  const topic = $('#event-topic').value;
  for (const item of $('#events').children) item.hidden = Boolean(topic) && item.dataset.topic !== topic;
}

// ---- wiring ------------------------------------------------------------------------------------
function init() {
  $('#customer-form').addEventListener('submit', (e) => { e.preventDefault(); useCustomer($('#customer-id').value); });
  $('#register-form').addEventListener('submit', (e) => { e.preventDefault(); registerCustomer(e.target); });
  suggestions = suggestionList($('#search'), $('#search-suggestions'), () => {
    trackSearch();
    searchWhenTypingPauses.cancel();
    searchCatalogue();
  });
  $('#search').addEventListener('input', onSearchInput);
  $('#search').addEventListener('change', trackSearch);
  $('#category').addEventListener('change', renderCatalogue);
  $('#search-sort').addEventListener('change', renderCatalogue);
  $('#refresh-catalogue').addEventListener('click', loadCatalogue);
  $('#place-order').addEventListener('click', placeOrder);
  $('#refresh-orders').addEventListener('click', loadMyOrders);
  $('#product-form').addEventListener('submit', (e) => { e.preventDefault(); createProduct(e.target); });
  $('#receipt-form').addEventListener('submit', (e) => { e.preventDefault(); receiveStock(e.target); });
  window.addEventListener('hashchange', showView);
  showView();
  renderCart();
  loadCatalogue();
  loadAdminLinks();
  const remembered = new URLSearchParams(location.search).get('customer') || localStorage.getItem('eventshop.customer');
  if (remembered) useCustomer(remembered);
}

init();
