// What the shop's catalogue search and the admin's search share: the search service's highlights
// rendered as DOM nodes, its facets as radio groups, answers to stale requests dropped, and a
// suggestion list under a search box.
import { el } from './dom.js';

// ---- highlights --------------------------------------------------------------------------------
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of HTML-escaped text: the highlighter escapes &, <, >, " and ' (as &#x27;) and / (&#x2F;). */
function unescaped(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * A highlight fragment as the API sends it ("<em>Mug</em> &amp; saucer": escaped text, matches in
 * <em>) as runs of plain text, each marked or not. Only the literal <em> and </em> are markup;
 * anything else is text, so an answer cannot inject elements.
 */
export function runsOf(fragment) {
  const runs = [];
  let marked = false;
  for (const piece of String(fragment).split(/(<\/?em>)/)) {
    if (piece === '<em>') marked = true;
    else if (piece === '</em>') marked = false;
    else if (piece) runs.push({ text: unescaped(piece), marked });
  }
  return runs;
}

/**
 * The nodes of {@code text} with the matches of its highlight {@code fragments} in <mark>. A
 * fragment is a passage of the field, so it is placed where it occurs and the whole text shows (a
 * long description is not cut to its passages); a fragment not found in the text is left out.
 */
export function highlighted(text, fragments = []) {
  const whole = String(text ?? '');
  const placed = [];
  for (const fragment of fragments) {
    const runs = runsOf(fragment);
    const plain = runs.map((run) => run.text).join('');
    const at = plain ? whole.indexOf(plain) : -1;
    if (at >= 0) placed.push({ at, end: at + plain.length, runs });
  }
  placed.sort((a, b) => a.at - b.at);
  const nodes = [];
  let next = 0;
  for (const { at, end, runs } of placed) {
    if (at < next) continue;  // overlaps a passage already placed
    if (at > next) nodes.push(whole.slice(next, at));
    nodes.push(...runs.map((run) => (run.marked ? el('mark', {}, run.text) : run.text)));
    next = end;
  }
  if (next < whole.length) nodes.push(whole.slice(next));
  return nodes;
}

// ---- facets ------------------------------------------------------------------------------------
/**
 * A facet as a group of radio buttons: "All" and each value with its count. The counts are over
 * the matching documents with every filter applied, so once a value is chosen the others drop to
 * zero and are not listed (choose "All" to widen again); the chosen value always stays.
 */
export function facetGroup({ name, legend, counts = [], chosen = '', label = (value) => value, onChoose }) {
  const listed = counts.filter((c) => c.count > 0 || c.value === chosen);
  if (chosen && !listed.some((c) => c.value === chosen)) listed.push({ value: chosen, count: 0 });
  const option = (value, text, count) => el('label', { class: 'chip' },
    el('input', { type: 'radio', name, value, checked: value === chosen, onchange: () => onChoose(value) }),
    text, count === undefined ? null : el('span', { class: 'count' }, ` (${count})`));
  return el('fieldset', { class: 'facet', 'data-facet': name },
    el('legend', {}, legend),
    option('', 'All'),
    ...listed.map((c) => option(c.value, label(c.value), c.count)));
}

/**
 * Replaces a group of inputs that is redrawn by the answer to a click on one of them: the focus
 * stays on the input with the same name and value, so the keyboard does not lose its place.
 */
export function replaceKeepingFocus(container, ...children) {
  const focused = container.contains(document.activeElement) ? document.activeElement : null;
  container.replaceChildren(...children);
  if (!focused?.name) return;
  [...container.querySelectorAll('input')]
    .find((input) => input.name === focused.name && input.value === focused.value)?.focus();
}

// ---- timing ------------------------------------------------------------------------------------
/** Tickets for requests: only the answer to the newest is shown (typing outruns the network). */
export function newestOnly() {
  let newest = 0;
  return { next: () => ++newest, isNewest: (ticket) => ticket === newest };
}

/** {@code action} once the calls pause for {@code ms}. */
export function whenPaused(action, ms) {
  let timer = null;
  const call = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

// ---- suggestions -------------------------------------------------------------------------------
/**
 * Suggestions under a search box as a listbox. The box keeps its searchbox role and points at the
 * list (aria-controls) and at the option the arrow keys are on (aria-activedescendant, focus stays
 * in the box); Enter or a click takes the option, Escape or leaving the box closes the list.
 */
export function suggestionList(input, list, onPick) {
  let texts = [];
  let active = -1;
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');

  const activate = (index) => {
    active = index;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const close = () => {
    list.hidden = true;
    activate(-1);
  };
  const pick = (text) => {
    input.value = text;
    close();
    onPick(text);
  };
  const show = (suggested) => {
    texts = suggested;
    list.replaceChildren(...texts.map((text, i) => el('li', {
      id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(),  // the box keeps the focus, so the list stays open
      onclick: () => pick(text),
    }, text)));
    activate(-1);
    list.hidden = texts.length === 0 || document.activeElement !== input;
  };

  input.addEventListener('keydown', (e) => {
    if (list.hidden || texts.length === 0) return;
    if (e.key === 'ArrowDown') activate((active + 1) % texts.length);
    else if (e.key === 'ArrowUp') activate(active <= 0 ? texts.length - 1 : active - 1);
    else if (e.key === 'Enter' && active >= 0) pick(texts[active]);
    else if (e.key === 'Escape') close();  // and not the search box's own Escape, which empties it
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', close);
  return { show, close };
}
