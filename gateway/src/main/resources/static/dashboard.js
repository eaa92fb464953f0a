// The live analytics dashboard (#/dashboard). One server-sent-event stream of the gateway's event
// log carries every result topic of the analytics service; each card keeps the latest value per
// key of its topic (a window's count is updated as clicks arrive) and redraws. No polling.
// Charts: uPlot, served by the gateway from its WebJar.
import { bar, COLOURS } from './charts.js';

const TOPICS = {
  views: 'product-views-per-minute',
  trending: 'trending-products',
  activity: 'category-activity-per-minute',
  orders: 'orders-enriched',
  revenue: 'revenue-per-minute',
  zones: 'sensor-readings-per-minute',
  alerts: 'sensor-alerts',
};
const MINUTES_SHOWN = 30;
const chf = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' });

const latest = Object.fromEntries(Object.keys(TOPICS).map((name) => [name, new Map()]));
let stream = null;
const charts = {};
let redrawPending = false;

const $ = (selector) => document.querySelector(selector);
const minute = (iso) => Math.floor(Date.parse(iso) / 60000) * 60;

/** Opens the stream when the dashboard is shown; closes it when another view is. */
export function showDashboard(visible) {
  if (!visible) {
    stream?.close();
    stream = null;
    return;
  }
  if (stream) return;
  $('#dash-status').textContent = 'Connecting…';
  stream = new EventSource('/api/events/stream');
  stream.onopen = () => { $('#dash-status').textContent = 'Live: results appear as the analytics service writes them.'; };
  stream.onerror = () => { $('#dash-status').textContent = 'Reconnecting…'; };
  stream.addEventListener('event', (message) => take(JSON.parse(message.data)));
}

function take(entry) {
  const name = Object.keys(TOPICS).find((key) => TOPICS[key] === entry.topic);
  if (!name || !entry.value) return;
  latest[name].set(entry.key, entry.value);
  if (!redrawPending) {
    redrawPending = true;
    requestAnimationFrame(() => { redrawPending = false; redraw(); });
  }
}

function redraw() {
  drawViews();
  drawTrending();
  drawFunnel();
  drawRevenue();
  drawZones();
  drawAlerts();
}

// ---- views per minute: the sum over products of each minute's final count -------------------
function drawViews() {
  const perMinute = new Map();
  for (const v of latest.views.values()) {
    const at = minute(v.windowStart);
    perMinute.set(at, (perMinute.get(at) || 0) + Number(v.views));
  }
  const xs = [...perMinute.keys()].sort((a, b) => a - b).slice(-MINUTES_SHOWN);
  chart('views', '#dash-views-chart', [{ label: 'views per minute', stroke: '#2454d6', width: 2 }],
    [xs, xs.map((x) => perMinute.get(x))], 'views');
  $('#dash-views-empty').hidden = xs.length > 0;
}

// ---- trending: the newest hopping window's top products -------------------------------------
function drawTrending() {
  const windows = [...latest.trending.values()].sort((a, b) => Date.parse(b.windowStart) - Date.parse(a.windowStart));
  const newest = windows[0];
  const products = newest ? newest.products : [];
  const most = Math.max(1, ...products.map((p) => Number(p.views)));
  $('#dash-trending').replaceChildren(...products.map((p) => bar(p.sku, Number(p.views), most, `${p.views} view${Number(p.views) === 1 ? '' : 's'}`)));
  $('#dash-trending-empty').hidden = products.length > 0;
}

// ---- funnel: views → added to cart (category activity) → orders placed (enriched orders) -----
function drawFunnel() {
  let views = 0;
  let added = 0;
  for (const a of latest.activity.values()) {
    views += Number(a.views);
    added += Number(a.addedToCart);
  }
  // Orders placed through the API without a click (a script, the benchmark) count too: the
  // longest bar is the longest stage, whichever it is.
  const orders = latest.orders.size;
  const most = Math.max(1, views, added, orders);
  $('#dash-funnel').replaceChildren(
    bar('Product views', views, most, String(views)),
    bar('Added to cart', added, most, `${added}${views ? ` (${Math.round((100 * added) / views)} %)` : ''}`),
    bar('Orders placed', orders, most, String(orders)));
}

// ---- revenue per country: validated order lines, all categories ------------------------------
function drawRevenue() {
  const perCountry = new Map();
  for (const r of latest.revenue.values()) {
    perCountry.set(r.country, (perCountry.get(r.country) || 0) + Number(r.revenue));
  }
  const rows = [...perCountry.entries()].sort((a, b) => b[1] - a[1]);
  const most = Math.max(1, ...rows.map(([, revenue]) => revenue));
  $('#dash-revenue').replaceChildren(...rows.map(([country, revenue]) => bar(country === '?' ? 'unknown' : country, revenue, most, chf.format(revenue))));
  $('#dash-revenue-empty').hidden = rows.length > 0;
}

// ---- sensors: the average per zone per minute, one chart per kind; alerts marked -------------
function drawZones() {
  for (const kind of ['temperature', 'humidity']) {
    const readings = [...latest.zones.values()].filter((z) => z.kind === kind);
    const zones = [...new Set(readings.map((z) => z.zone))].sort();
    const xs = [...new Set(readings.map((z) => minute(z.windowStart)))].sort((a, b) => a - b).slice(-MINUTES_SHOWN);
    const alerted = new Set([...latest.alerts.values()].filter((a) => a.kind === kind).map((a) => a.zone));
    const series = zones.map((zone, i) => ({
      label: alerted.has(zone) ? `${zone} ⚠` : zone,
      stroke: COLOURS[i % COLOURS.length],
      width: alerted.has(zone) ? 3 : 1.5,
    }));
    const data = [xs, ...zones.map((zone) => xs.map((x) => {
      const found = readings.find((z) => z.zone === zone && minute(z.windowStart) === x);
      return found ? Number(found.avg) : null;
    }))];
    const unit = readings[0]?.unit || (kind === 'temperature' ? '°C' : '%');
    // A zone's alert changes its legend: the chart is made again with the new labels.
    chart(`zones-${kind}`, `#dash-${kind}-chart`, series, data, unit, series.map((s) => s.label).join('|'));
    $(`#dash-${kind}-empty`).hidden = xs.length > 0;
  }
}

function drawAlerts() {
  const alerts = [...latest.alerts.values()].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
  $('#dash-alerts').replaceChildren(...alerts.slice(0, 10).map((a) => {
    const item = document.createElement('li');
    item.className = 'sensor-alert';
    item.dataset.testid = `alert-${a.zone}-${a.kind}`;
    const at = new Date(a.raisedAt).toLocaleTimeString();
    item.textContent = `${at}: ${a.zone} ${a.kind} out of ${a.low}–${a.high} ${a.unit}: ${a.values.map((v) => Number(v).toFixed(1)).join(', ')}`;
    return item;
  }));
  $('#dash-alerts-empty').hidden = alerts.length > 0;
}

// ---- drawing helpers -------------------------------------------------------------------------
/** Draws or updates a uPlot chart; a new set of series (a zone appeared) makes a new chart. */
function chart(id, selector, series, data, unit, shape = '') {
  const target = $(selector);
  const width = Math.max(260, target.clientWidth || 320);
  let existing = charts[id];
  if (existing && existing.shape !== shape) {
    existing.plot.destroy();
    existing = null;
  }
  if (!existing) {
    const plot = new window.uPlot({
      width, height: 200,
      series: [{}, ...series],
      axes: [{}, { label: unit, size: 50 }],
      legend: { live: false },
      // The last half hour, whatever has arrived so far: a single point is not a year-wide axis.
      scales: { x: { time: true, range: () => { const now = Date.now() / 1000; return [now - MINUTES_SHOWN * 60, now + 60]; } } },
    }, data, target);
    charts[id] = { plot, shape };
    target.dataset.points = String(data[0].length);
    return;
  }
  existing.plot.setSize({ width, height: 200 });
  existing.plot.setData(data);
  target.dataset.points = String(data[0].length);
}

window.addEventListener('resize', () => { if (stream) redraw(); });
