// What the dashboard and the insights page draw with: distinguishable line colours and a
// labelled horizontal bar (an <li> of a .bars list), built as nodes with text as text.

export const COLOURS = ['#2454d6', '#17663a', '#b5540a', '#7a3fb0', '#a4221c', '#0f7c8c'];

/** A bar as long as {@code value} of {@code most}, at least a sliver, labelled and with its figure. */
export function bar(label, value, most, text) {
  const row = document.createElement('li');
  row.className = 'bar-row';
  const name = document.createElement('span');
  name.className = 'bar-label';
  name.textContent = label;
  const track = document.createElement('span');
  track.className = 'bar-track';
  const fill = document.createElement('span');
  fill.className = 'bar-fill';
  fill.style.width = `${Math.min(100, Math.max(2, (100 * value) / most))}%`;
  track.append(fill);
  const figure = document.createElement('span');
  figure.className = 'bar-value';
  figure.textContent = text;
  row.append(name, track, figure);
  return row;
}
