// The insights page (#/insights): charts of the data lake's refined zone, read with
// POST /api/lake/query through the gateway each time the page is shown (the refined tables change
// when the lake rebuilds them, every 15 minutes or on `./eventshop lake refine`, not live).
// States: loading, the charts, "no data yet" (the lake has not built a table or it is empty), and
// an error when the lake service does not answer.
import { api, ApiError } from './api.js';
import { bar, COLOURS } from './charts.js';
import { $, el } from './dom.js';

const QUERIES = {
  revenue: 'SELECT CAST(day AS VARCHAR) AS day, country, sum(revenue) AS revenue'
    + ' FROM refined.daily_revenue GROUP BY ALL ORDER BY day, country',
  products: 'SELECT sku, units_sold FROM refined.stock_turnover WHERE units_sold > 0'
    + ' ORDER BY units_sold DESC, sku LIMIT 10',
  funnel: 'SELECT CAST(day AS VARCHAR) AS day, visitors, viewed, added_to_cart, checked_out, ordered'
    + ' FROM refined.daily_funnel ORDER BY day DESC LIMIT 1',
};
const chf = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' });
let revenueChart = null;
let loading = null;

/** A refined table the lake has not built yet: DuckDB's "does not exist", answered as a 400. */
const notBuiltYet = (error) => error instanceof ApiError && error.status === 400
  && /does not exist/i.test(error.message + JSON.stringify(error.problem?.errors ?? ''));
/** The lake service is not there: the gateway has no route (404) or cannot reach it (502, 503, 504). */
const lakeDown = (error) => error instanceof ApiError && [0, 404, 502, 503, 504].includes(error.status);

/** Reads the refined tables each time the page is shown. */
export function showInsights(visible) {
  if (!visible || loading) return;
  loading = load().finally(() => { loading = null; });
}

async function load() {
  status('Reading the lake…');
  $('#insights-charts').hidden = true;
  $('#insights-empty').hidden = true;
  $('#insights-error').hidden = true;
  let answers;
  try {
    answers = Object.fromEntries(await Promise.all(Object.entries(QUERIES).map(async ([name, sql]) => {
      try {
        return [name, await api.lakeQuery(sql)];
      } catch (error) {
        if (notBuiltYet(error)) return [name, { columns: [], rows: [] }];
        throw error;
      }
    })));
  } catch (error) {
    status('');
    $('#insights-error').textContent = lakeDown(error)
      ? `The data lake does not answer (${error.status ? `HTTP ${error.status}` : 'no connection'}): try again once the lake service runs.`
      : `The data lake could not answer: ${error.message}`;
    $('#insights-error').hidden = false;
    return;
  }
  if (Object.values(answers).every((answer) => answer.rows.length === 0)) {
    status('');
    $('#insights-empty').hidden = false;
    return;
  }
  $('#insights-charts').hidden = false;
  drawRevenue(answers.revenue.rows);
  drawProducts(answers.products.rows);
  drawFunnel(answers.funnel.rows[0]);
  status(`From the lake's refined zone, read at ${new Date().toLocaleTimeString()}.`);
}

function status(text) {
  $('#insights-status').textContent = text;
}

// ---- revenue over time, a line per country, and the figures as a table ------------------------
function drawRevenue(rows) {
  const days = [...new Set(rows.map(([day]) => day))].sort();
  const countries = [...new Set(rows.map(([, country]) => country))].sort();
  const revenue = new Map(rows.map(([day, country, amount]) => [`${day} ${country}`, Number(amount)]));
  const target = $('#insights-revenue-chart');
  revenueChart?.destroy();
  revenueChart = null;
  target.replaceChildren();
  $('#insights-revenue-empty').hidden = days.length > 0;
  $('#insights-revenue-figures').replaceChildren(...rows.map(([day, country, amount]) => el('tr', {},
    el('td', { text: day }), el('td', { text: country === '?' ? 'unknown' : country }),
    el('td', { class: 'number', text: chf.format(Number(amount)) }))));
  target.dataset.points = String(days.length);
  if (days.length === 0) return;
  const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  revenueChart = new window.uPlot({
    width: Math.max(260, target.clientWidth || 320),
    height: 220,
    series: [{}, ...countries.map((country, i) => ({
      label: country === '?' ? 'unknown' : country, stroke: COLOURS[i % COLOURS.length], width: 2,
    }))],
    axes: [{}, { label: 'CHF', size: 60 }],
    legend: { live: false },
    // half a day either side of the days shown: a single day is not a year-wide axis
    scales: { x: { time: true, range: () => [xs[0] - 43_200, xs[xs.length - 1] + 43_200] } },
  }, [xs,
    ...countries.map((country) => days.map((day) => revenue.get(`${day} ${country}`) ?? 0))], target);
}

// ---- top products by units sold --------------------------------------------------------------
function drawProducts(rows) {
  const most = Math.max(1, ...rows.map(([, units]) => Number(units)));
  $('#insights-products').replaceChildren(...rows.map(([sku, units]) => bar(sku, Number(units), most,
    `${units} sold`)));
  $('#insights-products-empty').hidden = rows.length > 0;
}

// ---- the funnel of the latest day the clickstream has ----------------------------------------
function drawFunnel(row) {
  $('#insights-funnel-empty').hidden = Boolean(row);
  $('#insights-funnel-day').textContent = row ? `On ${row[0]} (UTC), distinct visitors at each step.` : '';
  if (!row) {
    $('#insights-funnel').replaceChildren();
    return;
  }
  const [, ...counts] = row.map(Number);
  const steps = ['Visitors', 'Viewed a product', 'Added to cart', 'Checked out', 'Ordered'];
  $('#insights-funnel').replaceChildren(...steps.map((step, i) => bar(step, counts[i], Math.max(1, counts[0]),
    `${counts[i]}${counts[0] ? ` (${Math.round((100 * counts[i]) / counts[0])} %)` : ''}`)));
}
