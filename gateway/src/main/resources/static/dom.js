// What every view of the shop page uses: two DOM helpers (no framework: nodes built from data,
// text always as text, never innerHTML, so nothing a product name or a search answer holds can
// run) and the page's alert area.

export const $ = (selector) => document.querySelector(selector);

/** el('li', { class: 'x', onclick: f, text: 'y' }, child, …): false, null and undefined attributes are left out. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

/** Shows an error in the page's alert area for a while (or until dismissed). */
export function alertError(error) {
  const box = $('#alerts');
  const text = error.message || String(error);
  // The same message again (a search retyped with the same mistake) replaces the one shown.
  [...box.children].filter((shown) => shown.dataset.text === text).forEach((shown) => shown.remove());
  const message = el('p', { class: 'alert', 'data-text': text }, text,
    el('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: (e) => e.target.parentElement.remove() }, '×'));
  box.append(message);
  setTimeout(() => message.remove(), 12000);
}
