// Search through a real browser: the shop's catalogue search (typos, highlights, facets,
// suggestions, a query it cannot read) and the admin's search over customers and orders, all
// answered by the search service through the gateway.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BASE_URL, RUN, eventually, launchBrowser, screenshot, seedCustomer, seedProduct } from './support.mjs';

// The search service indexes a change within about a second; the page asks it once typing pauses.
const FOUND_MS = 5_000;

async function api(method, path, body, headers = {}) {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** What the search API finds for these parameters, once {@code found} holds for its answer. */
function indexed(what, params, found) {
  let last;
  return eventually(`${what} in the search index`, async () => {
    last = await api('GET', `/api/search?${new URLSearchParams(params)}`);
    return last.status === 200 && found(last.body) ? last.body : null;
  }, () => last && `${last.status} ${JSON.stringify(last.body).slice(0, 2000)}`);
}

describe('search in the shop and on the admin page', () => {
  let browser;
  let phone;
  let stand;
  let markup;
  let customer;
  let order;

  before(async () => {
    browser = await launchBrowser();
    // A name no other product has, twice: a typo in it can only find these two.
    [phone, stand, markup, customer] = await Promise.all([
      seedProduct({ name: 'Quokkaphone', category: 'Audio', price: 42, quantity: 3 }),
      seedProduct({ name: 'Quokkaphone Stand', category: 'Furniture', price: 120, quantity: 0 }),
      // Markup and an entity in a name (the sku is made of its letters: at most 32 in all).
      seedProduct({ name: 'Tamarillo <b>&amp;</b>', price: 7.5, quantity: 1 }),
      seedCustomer('Wilhelmina Quigley'),
    ]);
    // An order of one phone, to find on the admin page; the phone has 2 left.
    const placed = await api('POST', '/api/orders', { customerId: customer.id, lines: [{ sku: phone.sku, quantity: 1 }] },
      { 'Idempotency-Key': randomUUID() });
    assert.equal(placed.status, 202, JSON.stringify(placed.body));
    order = placed.body;
    // The page asks the index once typing pauses: what it should find is indexed first (how fast
    // the index follows the topics is the search service's own integration test).
    await Promise.all([
      indexed('the products, with their stock', { q: RUN, size: 10 }, (a) => a.total === 3
        && a.hits.some((h) => h.id === markup.sku)
        && a.hits.some((h) => h.id === phone.sku && h.fields.available === phone.quantity - 1)
        && a.hits.some((h) => h.id === stand.sku && h.fields.inStock === false)),
      indexed('the customer', { type: 'customer', q: customer.id }, (a) => a.total === 1),
      indexed('the order, validated', { type: 'order', q: order.id },
        (a) => a.hits.some((h) => h.id === order.id && h.fields.state === 'VALIDATED')),
    ]);
  });

  after(async () => {
    await browser?.close();
  });

  async function openPage(hash) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${BASE_URL}/${hash}`);
    return { page, errors };
  }

  const cardOf = (page, product) => page.getByTestId('products').getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: product.name }) });

  it('finds a product by a misspelt name as you type, the matching words marked', async () => {
    const { page, errors } = await openPage('#/shop');
    const box = page.getByRole('searchbox', { name: 'Search' });

    await box.pressSequentially(`Quokaphone ${RUN}`);  // one k short

    const heading = cardOf(page, phone).getByRole('heading');
    await heading.locator('mark', { hasText: /^Quokkaphone$/ }).waitFor({ timeout: FOUND_MS });
    await cardOf(page, stand).waitFor();
    await page.getByRole('status').filter({ hasText: '2 products found.' }).waitFor();
    assert.equal(await page.getByTestId('products').getByRole('listitem').count(), 2, 'only the two products');
    await page.getByTestId(`stock-${phone.sku}`).filter({ hasText: `${phone.quantity - 1} available` }).waitFor();
    await screenshot(page, '30-search-typo-highlighted');

    // Searching is still part of the clickstream.
    const clicks = page.waitForRequest((request) => request.url().endsWith('/api/events/clicks')
      && request.postData()?.includes('"SEARCH"') && request.postData().includes(`Quokaphone ${RUN}`));
    await box.press('Enter');
    await clicks;
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('finds a product by its sku, typed in lower case too', async () => {
    const { page } = await openPage('#/shop');

    await page.getByRole('searchbox', { name: 'Search' }).fill(stand.sku.toLowerCase());

    await page.getByRole('status').filter({ hasText: '1 product found.' }).waitFor({ timeout: FOUND_MS });
    await cardOf(page, stand).waitFor();
    await page.close();
  });

  it('shows what a highlighted name holds as text, never as markup', async () => {
    const { page, errors } = await openPage('#/shop');

    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially(`Tamarilo ${RUN}`);

    const heading = cardOf(page, markup).getByRole('heading');
    await heading.locator('mark', { hasText: /^Tamarillo$/ }).waitFor({ timeout: FOUND_MS });
    assert.equal(await heading.textContent(), markup.name);
    assert.equal(await heading.locator('b').count(), 0, 'no element from the name');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('narrows the results with the facets and their counts', async () => {
    const { page } = await openPage('#/shop');
    await page.getByRole('searchbox', { name: 'Search' }).fill(`Quokkaphone ${RUN}`);
    await page.getByRole('status').filter({ hasText: '2 products found.' }).waitFor({ timeout: FOUND_MS });
    const facets = page.getByRole('group', { name: 'Narrow down' });

    await facets.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'Furniture (1)' }).check();

    await page.getByRole('status').filter({ hasText: '1 product found.' }).waitFor({ timeout: FOUND_MS });
    await cardOf(page, phone).waitFor({ state: 'detached' });
    await cardOf(page, stand).waitFor();
    assert.equal(await page.evaluate(() => `${document.activeElement.name}=${document.activeElement.value}`),
      'facet-category=Furniture', 'the facets redrawn, the focus stays on the one chosen');
    await screenshot(page, '31-search-facet-category');

    await facets.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'All' }).check();
    await cardOf(page, phone).waitFor({ timeout: FOUND_MS });
    await facets.getByRole('group', { name: 'Price' }).getByRole('radio', { name: 'CHF 100–500 (1)' }).waitFor();

    const quantity = cardOf(page, phone).getByRole('spinbutton', { name: `Quantity of ${phone.name}` });
    await quantity.fill('2');

    await facets.getByRole('checkbox', { name: 'In stock only (1)' }).check();

    await cardOf(page, stand).waitFor({ state: 'detached', timeout: FOUND_MS });
    await cardOf(page, phone).waitFor();
    await page.getByRole('status').filter({ hasText: '1 product found.' }).waitFor();
    assert.equal(await quantity.inputValue(), '2', 'a card still shown keeps the quantity typed into it');
    await screenshot(page, '32-search-facet-in-stock');

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling in a narrow window (${overflow}px too wide)`);
    await screenshot(page, '38-search-facets-narrow');
    await page.close();
  });

  it('suggests product names while typing, a typo included, and searches the one picked', async () => {
    const { page } = await openPage('#/shop');
    const box = page.getByRole('searchbox', { name: 'Search' });

    await box.pressSequentially(`Quokap ${RUN}`);

    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await suggestions.getByRole('option', { name: phone.name, exact: true }).waitFor({ timeout: FOUND_MS });
    await suggestions.getByRole('option', { name: stand.name, exact: true }).waitFor();
    // A typo in a word not yet finished finds no product; the suggestions do.
    await page.getByRole('status').filter({ hasText: 'No products match.' }).waitFor();
    await screenshot(page, '33-search-suggestions');

    // The keyboard moves through the options while the focus stays in the box.
    await box.press('ArrowDown');
    const active = page.locator(`#${await box.getAttribute('aria-activedescendant')}`);
    assert.equal(await active.getAttribute('aria-selected'), 'true');
    assert.equal(await active.getAttribute('role'), 'option');
    await box.press('Escape');
    await suggestions.waitFor({ state: 'hidden' });
    assert.equal(await box.inputValue(), `Quokap ${RUN}`, 'Escape closes the list, the text stays');

    await box.press('Backspace');  // typing on opens the list again
    await suggestions.getByRole('option', { name: stand.name, exact: true }).click();

    assert.equal(await box.inputValue(), stand.name);
    await suggestions.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: '1 product found.' }).waitFor({ timeout: FOUND_MS });
    await cardOf(page, stand).getByRole('heading').locator('mark', { hasText: 'Stand' }).waitFor();
    await page.close();
  });

  it('explains a query it cannot read and carries on', async () => {
    const { page, errors } = await openPage('#/shop');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill(`Quokkaphone ${RUN}`);
    await cardOf(page, phone).getByRole('heading').locator('mark').first().waitFor({ timeout: FOUND_MS });

    await box.fill(`"Quokkaphone ${RUN}`);

    const problem = page.getByRole('alert').filter({ hasText: 'The search text has a quote at position 1 that is not closed.' });
    await problem.waitFor({ timeout: FOUND_MS });
    await cardOf(page, phone).waitFor();  // the last results stay
    await screenshot(page, '34-search-unclosed-quote');

    await box.fill(`"Quokkaphone ${RUN}"`);  // closed: a phrase, which the stand's name is not
    await problem.waitFor({ state: 'hidden', timeout: FOUND_MS });
    await page.getByRole('status').filter({ hasText: '1 product found.' }).waitFor();
    await cardOf(page, stand).waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters the catalogue itself, silently, when the search service is not running', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // What the gateway answers for a service that is not started (`./eventshop up --only shop`).
    let asked = 0;
    await page.route('**/api/search**', (route) => {
      asked += 1;
      return route.fulfill({
        status: 503, contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'search is not reachable' }),
      });
    });
    await page.goto(`${BASE_URL}/#/shop`);

    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.pressSequentially(`quokkaphone ${RUN}`);

    const category = page.getByRole('combobox', { name: 'Category' });  // the page's own filter
    await category.waitFor({ timeout: FOUND_MS });
    await cardOf(page, phone).waitFor({ timeout: FOUND_MS });
    await cardOf(page, stand).waitFor();
    const askedBefore = asked;
    assert.ok(askedBefore >= 1, 'the page tried the search service');
    await category.selectOption('Furniture');
    await cardOf(page, phone).waitFor({ state: 'detached' });
    await cardOf(page, stand).waitFor();
    await box.pressSequentially(' stand');
    await cardOf(page, stand).waitFor();
    assert.equal(asked, askedBefore, 'not asked again while typing on');
    assert.equal(await page.getByRole('group', { name: 'Narrow down' }).isVisible(), false, 'no facets without the service');
    assert.equal(await page.getByTestId('alerts').innerText(), '', 'no alert');
    assert.equal(await page.getByTestId('search-problem').isVisible(), false, 'no problem shown');
    assert.deepEqual(errors, []);
    await screenshot(page, '37-search-without-service');
    await page.close();
  });

  it('finds customers and orders on the admin page, with facets as filters', async () => {
    const { page, errors } = await openPage('#/admin');
    const results = page.getByRole('table', { name: /found/ });

    await page.getByRole('searchbox', { name: 'Search customers' }).pressSequentially(`Wilhelmna ${RUN}`);

    const customerRow = results.getByRole('row').filter({ hasText: customer.name });
    await customerRow.locator('mark', { hasText: 'Wilhelmina' }).waitFor({ timeout: FOUND_MS });
    assert.match(await customerRow.innerText(), /Zürich\s+CH/);
    await page.getByRole('group', { name: 'Country' }).getByRole('radio', { name: 'CH (1)' }).check();
    await page.getByRole('status').filter({ hasText: '1 customer found.' }).waitFor({ timeout: FOUND_MS });
    await customerRow.waitFor();
    await screenshot(page, '35-search-admin-customer');

    await page.getByRole('group', { name: 'Search in' }).getByRole('radio', { name: 'Orders' }).check();
    const orders = page.getByRole('searchbox', { name: 'Search orders' });
    await orders.fill(`Quigly ${RUN}`);

    const orderRow = results.getByRole('row').filter({ hasText: order.id.slice(0, 8) });
    await orderRow.locator('mark', { hasText: 'Quigley' }).waitFor({ timeout: FOUND_MS });
    assert.match(await orderRow.innerText(), new RegExp(`${phone.name}[\\s\\S]*VALIDATED[\\s\\S]*42\\.00`));
    await page.getByRole('group', { name: 'State' }).getByRole('radio', { name: 'VALIDATED (1)' }).check();
    await page.getByRole('status').filter({ hasText: '1 order found.' }).waitFor({ timeout: FOUND_MS });
    await screenshot(page, '36-search-admin-order');

    // A mistake in the query is told in the page's alert area.
    await orders.fill('Quigley*x');
    await page.getByTestId('alerts').getByText(/a \* may only end a word/).waitFor({ timeout: FOUND_MS });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
