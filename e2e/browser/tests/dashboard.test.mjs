// The live dashboard with the simulators running: the sensor charts and the trending products
// fill within seconds of the first events, alerts are marked, and no chart asks twice (the page
// listens to one server-sent-event stream).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BASE_URL, launchBrowser, screenshot, seedProduct } from './support.mjs';

const FILLS_MS = 60_000;
const HOME = process.env.EVENTSHOP_HOME;
const DATA_DIR = process.env.EVENTSHOP_DATA_DIR;

/** ./eventshop simulate … against the shop under test, for at most a minute. */
function simulate(...args) {
  const child = spawn(join(HOME, 'eventshop'), ['simulate', ...args, '--duration', '60s', '--data-dir', DATA_DIR],
    { env: { ...process.env, EVENTSHOP_NO_BUILD: '1' }, stdio: 'ignore' });
  return child;
}

describe('the live dashboard', { skip: !HOME || !DATA_DIR ? 'needs EVENTSHOP_HOME and EVENTSHOP_DATA_DIR' : false }, () => {
  let browser;
  let simulators = [];

  before(async () => {
    browser = await launchBrowser();
    await seedProduct({ name: 'Telescope', category: 'Study', price: 120.0, quantity: 5 });
  });

  after(async () => {
    simulators.forEach((child) => child.kill('SIGINT'));
    await browser?.close();
  });

  it('fills its charts from the simulators within seconds, with alerts marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${BASE_URL}/#/dashboard`);
    await page.getByTestId('dash-status').filter({ hasText: 'Live' }).waitFor();

    simulators = [
      simulate('sensors', '--rate', '40', '--anomaly-chance', '0.2'),
      simulate('clickstream', '--rate', '40', '--order-share', '0'),
    ];

    await page.locator('[data-testid="dash-temperature-chart"][data-points]:not([data-points="0"])').waitFor({ timeout: FILLS_MS });
    await page.locator('[data-testid="dash-humidity-chart"][data-points]:not([data-points="0"])').waitFor({ timeout: FILLS_MS });
    await page.locator('#dash-trending li').first().waitFor({ timeout: FILLS_MS });
    await page.locator('#dash-alerts li').first().waitFor({ timeout: FILLS_MS });
    await page.locator('#dash-funnel li').first().waitFor({ timeout: FILLS_MS });
    await screenshot(page, '20-dashboard-live');

    assert.match(await page.locator('#dash-alerts li').first().textContent(), /out of .* (°C|%)/);
    // measured in one go: each new alert replaces the list, so two separate reads can straddle it
    const inCard = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="dash-alerts"]').getBoundingClientRect();
      const alert = document.querySelector('#dash-alerts li').getBoundingClientRect();
      return alert.top >= card.top && alert.bottom <= card.bottom;
    });
    assert.ok(inCard, 'the alerts are listed in their card');
    assert.ok(await page.locator('.uplot').count() >= 2, 'uPlot drew the sensor charts');
    const polls = requests.filter((url) => url.includes('/api/') && !url.includes('/api/events/stream'));
    assert.deepEqual(polls.filter((url) => url.includes('/api/analytics')), [], 'no polling of the analytics API');

    await page.setViewportSize({ width: 420, height: 900 });
    await screenshot(page, '21-dashboard-narrow');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on a narrow window (${overflow}px)`);
  });
});
