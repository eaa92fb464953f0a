// The insights page: the data lake's refined tables charted in the shop. Orders and clicks seeded
// through the API land in the lake (Connect's Iceberg sink, a few seconds behind the topics); the
// test asks the lake to refine until the page shows them. The empty and the error states are the
// lake's own answers for a table it has not built and the gateway's for a lake that is down.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ARTIFACTS, BASE_URL, call, eventually, launchBrowser, placeOrder, screenshot, seedCustomer, seedProduct,
} from './support.mjs';

const LANDS_MS = 120_000;
const HOME = process.env.EVENTSHOP_HOME;
const DATA_DIR = process.env.EVENTSHOP_DATA_DIR;
const UNITS = 25;
const PRICE = 2.0;

/** The page shown and done reading the lake: charts, "no data yet" or an error. */
async function openInsights(page) {
  await page.goto(`${BASE_URL}/#/insights`);
  await page.reload();
  await page.locator('[data-testid="insights-status"]:has-text("read at"),'
    + ' [data-testid="insights-empty"]:visible, [data-testid="insights-error"]:visible').first().waitFor();
}

/** A page whose lake queries all get this answer (problem+json). */
async function pageWhereTheLakeAnswers(browser, status, problem) {
  const page = await browser.newPage();
  await page.route('**/api/lake/query', (route) => route.fulfill({
    status, contentType: 'application/problem+json', body: JSON.stringify({ status, ...problem }),
  }));
  await openInsights(page);
  return page;
}

const amount = (text) => Number(text.replace(/[^0-9.]/g, ''));

describe('the insights page', () => {
  let browser;
  let kite;
  let shopper;

  before(async () => {
    browser = await launchBrowser();
    kite = await seedProduct({ name: 'Kite', category: 'Outdoor', price: PRICE, quantity: 40 });
    // A country of its own, so that the revenue chart has a line of this test's orders.
    shopper = await seedCustomer('Insights Shopper', 'IS');
  });

  after(async () => {
    await browser?.close();
  });

  it('charts revenue by country, top products and the funnel from the lake', async () => {
    const order = await placeOrder(shopper, [{ sku: kite.sku, quantity: UNITS }]);
    assert.equal(order.state, 'VALIDATED', JSON.stringify(order));
    const clicks = await call('POST', '/api/events/clicks', { clicks: [
      { action: 'PRODUCT_VIEW', page: '#/shop', sku: kite.sku },
      { action: 'ADD_TO_CART', page: '#/shop', sku: kite.sku, quantity: UNITS },
      { action: 'CHECKOUT', page: '#/shop', orderId: order.id },
    ] });
    assert.ok(clicks.status < 300, `clicks accepted: ${clicks.status} ${JSON.stringify(clicks.body)}`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const products = page.getByRole('list', { name: 'Top products' }).getByRole('listitem');
    let seen = [];
    await eventually('the page shows the seeded product among the top products', async () => {
      const refined = await call('POST', '/api/lake/refine');
      assert.equal(refined.status, 200, JSON.stringify(refined.body));
      await openInsights(page);
      seen = await products.allTextContents();
      return seen.some((text) => text.includes(kite.sku) && text.includes(`${UNITS} sold`));
    }, () => JSON.stringify(seen), LANDS_MS);

    const chart = page.getByTestId('insights-revenue-chart');
    assert.ok(Number(await chart.getAttribute('data-points')) >= 1, 'the revenue chart has a day');
    assert.equal(await chart.locator('.uplot').count(), 1, 'uPlot drew the revenue chart');
    await page.getByText('Figures').click();
    const today = new Date().toISOString().slice(0, 10);
    const figures = page.getByRole('table', { name: 'Revenue by day and country' });
    // Today's rows together hold the order. Its country is the customer's only if the analytics
    // service had read the customer when it enriched the order: a left join, so an order it
    // enriched before that has no country (CI met that once), and its row has none.
    const todays = await figures.getByRole('row').filter({ hasText: today }).all();
    let revenue = 0;
    for (const row of todays) revenue += amount(await row.getByRole('cell').nth(2).textContent());
    assert.ok(revenue >= UNITS * PRICE, `the revenue of the day holds the order: ${revenue}`);

    const funnel = page.getByRole('list', { name: 'Conversion funnel' }).getByRole('listitem');
    assert.deepEqual((await funnel.allTextContents()).map((text) => text.replace(/[\d\s()%]+$/, '')),
      ['Visitors', 'Viewed a product', 'Added to cart', 'Checked out', 'Ordered']);
    const ordered = await funnel.filter({ hasText: 'Ordered' }).textContent();
    assert.ok(amount(ordered.replace(/\(.*$/, '')) >= 1, `someone ordered: ${ordered}`);
    await screenshot(page, '30-insights');
    await page.close();
  });

  it('writes the same figures into the HTML report of ./eventshop lake report', {
    skip: !HOME || !DATA_DIR ? 'needs EVENTSHOP_HOME and EVENTSHOP_DATA_DIR' : false,
  }, async () => {
    const out = join(ARTIFACTS, '32-lake-report.html');
    await promisify(execFile)(join(HOME, 'eventshop'), ['lake', 'report', '--data-dir', DATA_DIR, '--out', out],
      { env: { ...process.env, EVENTSHOP_NO_BUILD: '1' } });

    const html = await readFile(out, 'utf8');
    assert.equal(html.match(/<svg /g)?.length, 4, 'revenue, top products, funnel and turnover charts');
    assert.ok(html.includes(`<title>${kite.sku}: ${UNITS}</title>`), 'the seeded product is a bar of its units');
    assert.ok(!/<script|<link|src=/.test(html), 'nothing to fetch');
  });

  it('says the lake has no data yet when it has built no refined table', async () => {
    // the lake's answer for a refined table it has not built yet
    const page = await pageWhereTheLakeAnswers(browser, 400, { title: 'Bad Request',
      detail: 'the query is refused', errors: [
        { field: 'sql', message: 'Catalog Error: Table with name daily_revenue does not exist!' }] });

    await page.getByText('The lake has no refined data yet').waitFor();
    assert.equal(await page.getByTestId('insights-revenue').isVisible(), false);
    await screenshot(page, '31-insights-empty');
    await page.close();
  });

  it('says the lake does not answer when the lake service is down', async () => {
    // what the gateway answers when no lake service runs
    const page = await pageWhereTheLakeAnswers(browser, 503, { title: 'Service Unavailable',
      detail: 'lake is not available' });

    const error = page.getByRole('alert').filter({ hasText: 'The data lake does not answer' });
    await error.waitFor();
    assert.match(await error.textContent(), /HTTP 503/);
    assert.equal(await page.getByTestId('insights-revenue').isVisible(), false);
    await page.close();
  });
});
