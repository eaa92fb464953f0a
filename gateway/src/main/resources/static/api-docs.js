// Lists each service's OpenAPI document (proxied by the gateway at /api-docs/{service}) and
// renders its operations as a compact table: enough to find an endpoint without another tool.
const SERVICES = ['product', 'customer', 'stock', 'order'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children.filter((c) => c != null));
  return node;
}

async function render(service) {
  const section = el('section', { class: 'card', id: `doc-${service}`, 'aria-labelledby': `doc-${service}-title`, style: 'margin-bottom:1rem' });
  section.append(el('h2', { id: `doc-${service}-title` }, service));
  document.getElementById('docs').append(section);
  const loading = el('p', { class: 'muted' }, 'Loading…');
  section.append(loading);
  try {
    const response = await fetch(`/api-docs/${service}`);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `HTTP ${response.status}`);
    }
    const doc = await response.json();
    loading.remove();
    section.append(el('p', { class: 'muted' }, `${doc.info?.title ?? service} ${doc.info?.version ?? ''}`));
    const body = el('tbody');
    for (const [path, operations] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = operations[method];
        if (!op) continue;
        body.append(el('tr', {},
          el('td', {}, el('span', { class: 'state' }, method.toUpperCase())),
          el('td', {}, el('code', {}, path)),
          el('td', {}, op.summary || op.operationId || '')));
      }
    }
    section.append(el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Method'), el('th', { scope: 'col' }, 'Path'), el('th', { scope: 'col' }, 'What'))),
      body)));
  } catch (e) {
    loading.remove();
    section.append(el('p', { class: 'alert' }, `Not available: ${e.message}`));
  }
}

const list = document.getElementById('services');
for (const service of SERVICES) {
  list.append(el('li', {}, el('a', { href: `/api-docs/${service}` }, `${service}: /api-docs/${service}`)));
  render(service);
}
