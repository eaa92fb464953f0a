// The legacy CRM joins by change data capture: a customer created in the CRM's own pages (which
// know nothing of Kafka) becomes a shop customer within seconds, and orders.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BASE_URL, RUN, addToCart, eventually, launchBrowser, openShop, screenshot, seedProduct,
} from './support.mjs';

const CAPTURED_MS = 60_000;
const DATA_DIR = process.env.EVENTSHOP_DATA_DIR;

/** The CRM's address in the run under test, as run.json names it. */
async function crmUrl() {
  const run = JSON.parse(await readFile(join(DATA_DIR, 'run.json'), 'utf8'));
  const crm = run.components.find((component) => component.name === 'legacy-crm');
  return crm?.url;
}

/**
 * The shop's id of a legacy customer: the contract of LegacyCustomerIds (a name-based UUID,
 * version 3, of "legacy-crm:customer:<legacy id>"), as a client that knows the CRM's id finds it.
 */
function shopIdOf(legacyId) {
  const hash = createHash('md5').update(`legacy-crm:customer:${legacyId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x30;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('the legacy CRM', { skip: !DATA_DIR ? 'needs EVENTSHOP_DATA_DIR' : false }, () => {
  let browser;
  let product;

  before(async () => {
    browser = await launchBrowser();
    product = await seedProduct({ name: 'Ledger', category: 'Office', price: 15.0, quantity: 5 });
  });

  after(async () => {
    await browser?.close();
  });

  it('creates a customer in its own pages, who then orders in the shop', async () => {
    const crm = await crmUrl();
    assert.ok(crm, 'run.json names the legacy-crm component');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${crm}/customers/new`);
    const lastName = `Noether-${RUN}`;
    await page.getByLabel('First name').fill('Emmy');
    await page.getByLabel('Last name').fill(lastName);
    await page.getByLabel('Email').fill(`emmy.${RUN}@example.de`);
    await page.getByLabel('Street and number').fill('Bunsenstrasse 3');
    await page.getByLabel('Postal code').fill('37073');
    await page.getByLabel('City').fill('Göttingen');
    await page.getByLabel('Country (ISO code)').fill('DE');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await screenshot(page, '30-crm-customer-created');
    const legacyId = new URL(page.url()).pathname.split('/').pop();

    const customer = { id: shopIdOf(legacyId), name: `Emmy ${lastName}` };
    await eventually(`the CRM's customer ${legacyId} in the shop`,
      async () => (await fetch(`${BASE_URL}/api/customers/${customer.id}`)).status === 200);

    const shop = await openShop(browser, customer);
    await addToCart(shop, product, 2);
    await shop.getByTestId('search').fill('');
    await shop.getByTestId('place-order').click();
    await shop.locator('[data-testid^="order-state-"]').first()
      .filter({ hasText: 'VALIDATED' }).waitFor({ timeout: CAPTURED_MS });
    await screenshot(shop, '31-crm-customer-ordered');
  });
});
