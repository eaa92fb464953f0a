// The admin's search over customers and orders (#/admin): the search service's `type=customer` and
// `type=order`, the hits as a table with the words that matched marked, the facets (country; the
// order's state and country) as filters. Customers are searched here only, never from the shop's
// catalogue (a convention of the UI: the gateway has no authentication yet).
import { api, problemText, searchUnavailable } from './api.js';
import { $, alertError, el } from './dom.js';
import { facetGroup, highlighted, newestOnly, replaceKeepingFocus, whenPaused } from './search.js';

const SHOWN_AT_MOST = 25;
const money = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' });
const dateTime = new Intl.DateTimeFormat('de-CH', { dateStyle: 'medium', timeStyle: 'short' });

const marked = (field) => (hit) => highlighted(hit.fields[field], hit.highlights?.[field]);
/** A multi-valued field (an order's product names): each value with the fragments found in it. */
const markedList = (field) => (hit) => (hit.fields[field] || [])
  .flatMap((value, i) => [i > 0 ? ', ' : null, ...highlighted(value, hit.highlights?.[field])])
  .filter((node) => node !== null);

const TYPES = {
  customer: {
    label: 'Search customers',
    placeholder: 'name, email, city',
    found: (n) => `${n} ${n === 1 ? 'customer' : 'customers'} found`,
    browse: 'name',  // without a query nothing ranks the hits
    facets: [{ field: 'country', legend: 'Country' }],
    columns: [
      { title: 'Name', cell: marked('name') },
      { title: 'Email', cell: marked('email') },
      { title: 'City', cell: marked('city') },
      { title: 'Country', cell: (hit) => hit.fields.country },
      { title: 'Status', cell: (hit) => hit.fields.status },
      { title: 'Id', cell: (hit) => el('code', { title: hit.id }, hit.id.slice(0, 8)) },
    ],
  },
  order: {
    label: 'Search orders',
    placeholder: 'customer, product, order id',
    found: (n) => `${n} ${n === 1 ? 'order' : 'orders'} found`,
    browse: '-date',
    facets: [{ field: 'state', legend: 'State' }, { field: 'country', legend: 'Country' }],
    columns: [
      { title: 'Order', cell: (hit) => el('code', { title: hit.id }, hit.id.slice(0, 8)) },
      { title: 'Customer', cell: marked('customerName') },
      { title: 'Products', cell: markedList('productNames') },
      { title: 'State', cell: (hit) => el('span', { class: `state state-${hit.fields.state}` }, hit.fields.state) },
      { title: 'Total', cell: (hit) => money.format(Number(hit.fields.total ?? 0)), class: 'num' },
      {
        title: 'Placed',
        cell: (hit) => (hit.fields.placedAt
          ? el('time', { datetime: hit.fields.placedAt }, dateTime.format(new Date(hit.fields.placedAt))) : ''),
      },
    ],
  },
};

const answers = newestOnly();
const chosen = { country: '', state: '' };
let wired = false;

const typeOf = () => document.querySelector('input[name="admin-search-type"]:checked').value;

/** Searches when the admin page is shown (again: what changed since shows). */
export function showAdminSearch(visible) {
  if (!visible) return;
  if (!wired) wire();
  search();
}

function wire() {
  wired = true;
  const pause = whenPaused(search, 250);
  $('#admin-search-q').addEventListener('input', pause);
  $('#admin-search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    pause.cancel();
    search();
  });
  for (const radio of document.querySelectorAll('input[name="admin-search-type"]')) {
    radio.addEventListener('change', () => {
      chosen.country = '';
      chosen.state = '';
      const type = TYPES[typeOf()];
      $('#admin-search-label').textContent = type.label;
      $('#admin-search-q').placeholder = type.placeholder;
      pause.cancel();
      search();
    });
  }
}

async function search() {
  const ticket = answers.next();
  const typeName = typeOf();
  const type = TYPES[typeName];
  const q = $('#admin-search-q').value.trim();
  const filters = Object.fromEntries(type.facets.map(({ field }) => [field, chosen[field]]));
  let answer;
  try {
    answer = await api.search({ type: typeName, q, sort: q ? 'relevance' : type.browse, size: SHOWN_AT_MOST, ...filters });
  } catch (error) {
    if (!answers.isNewest(ticket)) return;
    const unavailable = searchUnavailable(error);
    $('#admin-search-status').textContent = unavailable ? 'Search is not available.' : 'The search could not be run.';
    alertError(unavailable
      ? new Error('Search is not available: the search service is not running (./eventshop up starts it; --only shop does not).')
      : new Error(problemText(error)));
    return;
  }
  if (!answers.isNewest(ticket)) return;
  show(type, answer);
}

function show(type, answer) {
  const shown = answer.hits.length;
  $('#admin-search-status').textContent = type.found(answer.total)
    + (answer.total > shown ? `, the first ${shown} shown` : '') + '.';
  replaceKeepingFocus($('#admin-facets'), ...type.facets.map(({ field, legend }) => facetGroup({
    name: `admin-facet-${field}`, legend, counts: answer.facets?.[field], chosen: chosen[field],
    onChoose: (value) => {
      chosen[field] = value;
      search();
    },
  })));
  $('#admin-results-caption').textContent = type.found(answer.total);
  $('#admin-results-head').replaceChildren(el('tr', {},
    ...type.columns.map((column) => el('th', { scope: 'col', class: column.class }, column.title))));
  $('#admin-results-body').replaceChildren(...answer.hits.map((hit) => el('tr', { 'data-testid': `admin-hit-${hit.id}` },
    ...type.columns.map((column) => el('td', { class: column.class }, column.cell(hit))))));
  $('#admin-results').hidden = shown === 0;
}
