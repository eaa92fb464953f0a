// What every browser test needs: the system's base URL, the browser, seeding through the API and
// screenshots. The tests seed their own data (unique per run) so they run against any system.
import { mkdir } from 'node:fs/promises';
import { randomInt, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.EVENTSHOP_URL || 'http://localhost:8080').replace(/\/$/, '');
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
// Random, not a timestamp: each test file is its own process with its own RUN, and timestamps a few
// seconds apart differ in only two or three characters, which a typo-tolerant search finds as one.
// It starts with a letter, as the timestamps did, so that no part of a name reads as a number.
export const RUN = (10 + randomInt(26)).toString(36)
  + Array.from({ length: 7 }, () => randomInt(36).toString(36)).join('');
const BOUND_MS = 30_000;

/** Debian's chromium, never a downloaded browser. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page of the shop, signed in as {@code who} ({id, name}), once it shows the name. */
export async function openShop(browser, who, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${BASE_URL}/?customer=${encodeURIComponent(who.id)}#/shop`);
  await page.getByTestId('customer-name').filter({ hasText: who.name }).waitFor();
  return page;
}

/** Finds {@code product} by its SKU in the catalogue and puts {@code quantity} in the cart. */
export async function addToCart(page, product, quantity) {
  await page.getByTestId('search').fill(product.sku);
  const card = page.getByTestId(`product-${product.sku}`);
  await card.waitFor();
  await page.getByTestId(`qty-${product.sku}`).fill(String(quantity));
  await page.getByTestId(`add-${product.sku}`).click();
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** One request to the shop's API: {status, body} with the body parsed. */
export async function call(method, path, body, headers = {}) {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: body ? { 'Content-Type': 'application/json', ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Polls {@code probe} until it returns a truthy value, at most BOUND_MS. {@code lastSeen} says what
 * the last attempt saw, for the error message when it never happens.
 */
export async function eventually(what, probe, lastSeen = () => undefined, boundMs = BOUND_MS) {
  const deadline = Date.now() + boundMs;
  let failure;
  while (Date.now() < deadline) {
    const result = await probe().catch((e) => { failure = e; return null; });
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seen = lastSeen() ?? failure;
  throw new Error(`${what} did not happen within ${boundMs} ms${seen === undefined ? '' : `; last seen: ${seen}`}`);
}

function expectStatus(response, ...accepted) {
  if (!accepted.includes(response.status)) {
    throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

/** A product with {@code quantity} units in stock, readable through the gateway. */
export async function seedProduct({ name, category = 'Kitchen', price, quantity }) {
  // The catalogue's skus: 3 to 32 upper-case letters, digits or dashes.
  const sku = `E2E-${RUN}-${name}`.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
  expectStatus(await call('POST', '/api/products',
    { sku, name: `${name} ${RUN}`, description: `Seeded by the browser tests (run ${RUN})`, category, price }), 201);
  await eventually(`product ${sku} readable`, async () => (await call('GET', `/api/products/${sku}`)).status === 200);
  if (quantity > 0) {
    expectStatus(await call('POST', `/api/stock/${sku}/receipts`, { quantity }), 200, 201, 202, 204);
    await eventually(`stock of ${sku} at ${quantity}`, async () => {
      const level = await call('GET', `/api/stock/${sku}`);
      return level.status === 200 && level.body.available >= quantity;
    });
  }
  return { sku, name: `${name} ${RUN}`, price, quantity };
}

/** A customer with a generous credit limit, readable through the gateway. */
export async function seedCustomer(name = 'Ada Lovelace', country = 'CH') {
  const registered = expectStatus(await call('POST', '/api/customers', {
    name: `${name} ${RUN}`,
    email: `${randomUUID().slice(0, 8)}@example.org`,
    address: { street: 'Bahnhofstrasse 1', zip: '8001', city: 'Zürich', country },
    creditLimit: 5000,
  }), 201).body;
  await eventually(`customer ${registered.id} readable`,
    async () => (await call('GET', `/api/customers/${registered.id}`)).status === 200);
  return { id: registered.id, name: `${name} ${RUN}`, country };
}

/** An order placed through the API, once it is final: the order as the order service answers. */
export async function placeOrder(customer, lines) {
  const placed = expectStatus(await call('POST', '/api/orders', { customerId: customer.id, lines },
    { 'Idempotency-Key': randomUUID() }), 200, 201, 202).body;
  return expectStatus(await call('GET', `/api/orders/${placed.id}?waitFor=FINAL&timeout=10s`), 200).body;
}

export async function availableStock(sku) {
  return (await call('GET', `/api/stock/${sku}`)).body.available;
}

/**
 * Waits for `expected` to be visible; when the shop shows an error instead (an alert), fails at
 * once with the shop's own words, so a failure says what happened rather than only "timeout".
 */
export async function expectShown(page, expected, timeout) {
  const alert = page.locator('#alerts .alert').first();
  const error = await Promise.race([
    expected.waitFor({ timeout }).then(() => null),
    alert.waitFor({ timeout }).then(() => alert.textContent()),
  ]);
  if (error !== null) throw new Error(`the shop showed an error instead: ${error}`);
}
