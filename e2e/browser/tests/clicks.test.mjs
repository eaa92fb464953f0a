// The shop page as a streaming source: what a visitor does in the browser reaches the
// clickstream topic (read back through the admin's event log), keyed by the visitor cookie.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, screenshot, seedProduct } from './support.mjs';

const ARRIVES_MS = 30_000;

/** The clickstream's latest events of one visitor, decoded by the gateway's event log. */
async function clicksOf(visitor) {
  const response = await fetch(`${BASE_URL}/api/events?topic=clickstream`);
  assert.equal(response.status, 200);
  return (await response.json()).filter((entry) => entry.key === visitor).map((entry) => entry.value);
}

async function eventually(read, accept) {
  const deadline = Date.now() + ARRIVES_MS;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the clickstream of the shop page', () => {
  let browser;
  let globe;

  before(async () => {
    browser = await launchBrowser();
    globe = await seedProduct({ name: 'Globe', category: 'Study', price: 42.0, quantity: 3 });
  });

  after(async () => {
    await browser?.close();
  });

  it('sends page views, product views, searches and cart additions of the visitor', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/#/shop`);
    await page.getByTestId('search').fill(globe.sku);
    await page.getByTestId('search').press('Enter');
    await page.getByTestId(`product-${globe.sku}`).waitFor();
    await page.getByTestId(`qty-${globe.sku}`).fill('2');
    await page.getByTestId(`add-${globe.sku}`).click();
    // Leaving the page sends what is left as a beacon.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));

    const visitor = await eventually(async () => (await context.cookies())
      .find((cookie) => cookie.name === 'eventshop_visitor')?.value, Boolean);
    assert.ok(visitor, 'the gateway set the visitor cookie');
    const clicks = await eventually(() => clicksOf(visitor),
      (seen) => seen.some((click) => click.action === 'ADD_TO_CART'));
    await screenshot(page, '10-clicks-sent');

    const actions = clicks.map((click) => click.action);
    assert.ok(actions.includes('PAGE_VIEW'), `a page view among ${actions}`);
    assert.ok(clicks.some((click) => click.action === 'SEARCH' && click.query === globe.sku), `a search among ${actions}`);
    assert.ok(clicks.some((click) => click.action === 'PRODUCT_VIEW' && click.sku === globe.sku), `a product view among ${actions}`);
    const added = clicks.find((click) => click.action === 'ADD_TO_CART');
    assert.equal(added.sku, globe.sku);
    assert.equal(added.quantity, 2);
    assert.ok(clicks.every((click) => click.visitorId === visitor));
    await context.close();
  });
});
