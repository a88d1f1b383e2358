// The lineage page: GET /v1/lineage/{Name} drawn as an SVG graph (sources on the left, or on
// top on narrow screens), nodes focusable and selectable with the keyboard, and the same edges
// as a table for screen readers and small screens.
import {
  RequestError,
  classChips,
  el,
  formatDate,
  formatNumber,
  formatPercent,
  pageData,
  requestJson,
  t,
  tn,
} from '../common.js';

const SVG = 'http://www.w3.org/2000/svg';
const VERDICTS = new Set(['new', 'repackaged', 'aggregate']);

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const verdictOf = (node) => (VERDICTS.has(node.verdict) ? node.verdict : 'unknown');
const verdictLabel = (node) => t(`verdict_${verdictOf(node)}`);

function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Levels (longest path from a source) and an order within each level (barycentre sweeps). */
export function layout(nodes, edges) {
  const names = nodes.map((n) => n.Name);
  const parents = new Map(names.map((n) => [n, []]));
  const children = new Map(names.map((n) => [n, []]));
  for (const e of edges) {
    if (parents.has(e.child) && children.has(e.parent)) {
      parents.get(e.child).push(e.parent);
      children.get(e.parent).push(e.child);
    }
  }
  const level = new Map();
  const visiting = new Set();
  const levelOf = (name) => {
    if (level.has(name)) return level.get(name);
    if (visiting.has(name)) return 0; // a cycle: should not happen, never loop
    visiting.add(name);
    const value = Math.max(-1, ...parents.get(name).map(levelOf)) + 1;
    visiting.delete(name);
    level.set(name, value);
    return value;
  };
  names.forEach(levelOf);
  const byName = new Map(nodes.map((n) => [n.Name, n]));
  const columns = [];
  for (const name of names) (columns[level.get(name)] ??= []).push(name);
  for (const column of columns) {
    column.sort((a, b) => (byName.get(a).BreachDate || '').localeCompare(byName.get(b).BreachDate || '') || a.localeCompare(b));
  }
  const position = new Map();
  const index = () => columns.forEach((c) => c.forEach((n, i) => position.set(n, i)));
  index();
  const centre = (list) => (list.length ? list.reduce((s, n) => s + position.get(n), 0) / list.length : null);
  for (let sweep = 0; sweep < 4; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? columns.slice(1) : columns.slice(0, -1).reverse();
    for (const column of order) {
      const key = new Map(column.map((n) => [n, centre(forward ? parents.get(n) : children.get(n)) ?? position.get(n)]));
      column.sort((a, b) => key.get(a) - key.get(b));
      column.forEach((n, i) => position.set(n, i));
    }
  }
  index();
  return { columns, level, position, parents, children };
}

function draw(container, graph, focusName, onSelect, vertical) {
  const { nodes, edges } = graph;
  const shape = layout(nodes, edges);
  const W = vertical ? 158 : 214;
  const H = vertical ? 74 : 70;
  const gapLevel = vertical ? 74 : 150;
  const gapOrder = vertical ? 14 : 26;
  const pad = 20;
  const widest = Math.max(...shape.columns.map((c) => c.length));
  const span = (count, size, gap) => count * size + (count - 1) * gap;
  const orderSpan = span(widest, vertical ? W : H, gapOrder);
  const levelSpan = span(shape.columns.length, vertical ? H : W, gapLevel);
  const width = pad * 2 + (vertical ? orderSpan : levelSpan);
  const height = pad * 2 + (vertical ? levelSpan : orderSpan);
  const box = new Map();
  shape.columns.forEach((column, lvl) => {
    const own = span(column.length, vertical ? W : H, gapOrder);
    const offset = (orderSpan - own) / 2;
    column.forEach((name, i) => {
      const along = pad + lvl * ((vertical ? H : W) + gapLevel);
      const across = pad + offset + i * ((vertical ? W : H) + gapOrder);
      box.set(name, vertical ? { x: across, y: along } : { x: along, y: across });
    });
  });
  const byName = new Map(nodes.map((n) => [n.Name, n]));
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': t('lineage_graph_title'),
  });
  // As wide as the card allows, never larger than life (CSSOM: no inline style attribute).
  root.style.width = '100%';
  root.style.maxWidth = `${width}px`;
  root.style.height = 'auto';
  root.dataset.naturalWidth = String(width);
  root.append(
    svg(
      'defs',
      {},
      svg(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        svg('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }),
      ),
    ),
  );
  const edgeLayer = svg('g', { class: 'edges', 'aria-hidden': 'true' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(edgeLayer, nodeLayer);
  const edgeNodes = [];
  for (const e of edges) {
    const from = box.get(e.parent);
    const to = box.get(e.child);
    if (!from || !to) continue;
    let d;
    let mid;
    if (vertical) {
      const [x1, y1, x2, y2] = [from.x + W / 2, from.y + H, to.x + W / 2, to.y - 2];
      const bend = (y2 - y1) / 2;
      d = `M${x1} ${y1}C${x1} ${y1 + bend} ${x2} ${y2 - bend} ${x2} ${y2}`;
      mid = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    } else {
      const [x1, y1, x2, y2] = [from.x + W, from.y + H / 2, to.x - 2, to.y + H / 2];
      const bend = (x2 - x1) / 2;
      d = `M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
      mid = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    }
    const label = formatPercent(e.share);
    const labelWidth = 12 + label.length * 7.5;
    const group = svg(
      'g',
      { class: 'edge', 'data-parent': e.parent, 'data-child': e.child },
      svg('path', { d, 'marker-end': 'url(#arrow)' }),
      svg('rect', { class: 'label-bg', x: mid.x - labelWidth / 2, y: mid.y - 11, width: labelWidth, height: 22, rx: 11 }),
      svg('text', { x: mid.x, y: mid.y + 4, 'text-anchor': 'middle' }, label),
    );
    edgeLayer.append(group);
    edgeNodes.push(group);
  }
  const nodeElements = new Map();
  for (const node of nodes) {
    const { x, y } = box.get(node.Name);
    const classes = ['node', verdictOf(node)];
    if (node.IsSensitive) classes.push('sensitive');
    if (node.Name === focusName) classes.push('focus');
    const people = tn('people_short', node.PwnCount);
    const label = t('lineage_node_label', { title: node.Title, people, verdict: verdictLabel(node) });
    const chars = vertical ? 17 : 24;
    const g = svg(
      'g',
      {
        class: classes.join(' '),
        transform: `translate(${x} ${y})`,
        tabindex: 0,
        role: 'button',
        'aria-pressed': 'false',
        'aria-label': label,
        'data-name': node.Name,
      },
      svg('title', {}, label),
      svg('rect', { class: 'box', width: W, height: H, rx: 10 }),
      svg('rect', { class: 'band', x: 0, y: 0, width: 7, height: H, rx: 3 }),
      svg('text', { class: 'title', x: 16, y: 24 }, truncate(node.Title, chars)),
      svg('text', { class: 'sub', x: 16, y: 43 }, truncate(people, chars + 4)),
      svg('text', { class: 'sub', x: 16, y: 60 }, truncate(verdictLabel(node), chars + 4)),
    );
    g.addEventListener('click', () => onSelect(node.Name, true));
    g.addEventListener('keydown', (event) => {
      const move = (name) => {
        if (name) {
          event.preventDefault();
          nodeElements.get(name)?.focus();
        }
      };
      const column = shape.columns[shape.level.get(node.Name)];
      const at = shape.position.get(node.Name);
      const prev = vertical ? 'ArrowLeft' : 'ArrowUp';
      const next = vertical ? 'ArrowRight' : 'ArrowDown';
      const up = vertical ? 'ArrowUp' : 'ArrowLeft';
      const down = vertical ? 'ArrowDown' : 'ArrowRight';
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(node.Name, true);
      } else if (event.key === prev) move(column[at - 1]);
      else if (event.key === next) move(column[at + 1]);
      else if (event.key === up) move(shape.parents.get(node.Name)[0]);
      else if (event.key === down) move(shape.children.get(node.Name)[0]);
    });
    nodeLayer.append(g);
    nodeElements.set(node.Name, g);
  }
  container.replaceChildren(root);
  return {
    select(name) {
      for (const [n, g] of nodeElements) {
        const linked = n === name || shape.parents.get(name)?.includes(n) || shape.children.get(name)?.includes(n);
        g.classList.toggle('selected', n === name);
        g.classList.toggle('dim', !linked);
        g.setAttribute('aria-pressed', String(n === name));
      }
      for (const g of edgeNodes) {
        const active = g.dataset.parent === name || g.dataset.child === name;
        g.classList.toggle('active', active);
        g.classList.toggle('dim', !active);
      }
    },
    byName,
  };
}

function details(panel, graph, name, focusName) {
  const node = graph.nodes.find((n) => n.Name === name);
  if (!node) return;
  const link = (n) => el('a', { href: `/lineage/${encodeURIComponent(n)}` }, graph.nodes.find((x) => x.Name === n)?.Title ?? n);
  const incoming = graph.edges.filter((e) => e.child === name);
  const outgoing = graph.edges.filter((e) => e.parent === name);
  const list = (items, pick) =>
    items.length
      ? items.flatMap((e, i) => [i ? ', ' : '', link(pick(e)), ` (${formatPercent(e.share)})`])
      : [t('lineage_none')];
  const dl = el(
    'dl',
    {},
    el('dt', {}, t('detail_origin')),
    el('dd', {}, verdictLabel(node)),
    el('dt', {}, t('detail_people')),
    el('dd', {}, formatNumber(node.PwnCount)),
    el('dt', {}, t('detail_date')),
    el('dd', {}, formatDate(node.BreachDate)),
    el('dt', {}, t('lineage_parents')),
    el('dd', {}, ...list(incoming, (e) => e.parent)),
    el('dt', {}, t('lineage_children')),
    el('dd', {}, ...list(outgoing, (e) => e.child)),
  );
  const parts = [
    el('h2', {}, node.Title),
    el('p', { class: 'breach-domain' }, node.Domain || node.Name),
    dl,
    el('p', { class: 'chips-label' }, t('breach_classes')),
    classChips(node.DataClasses ?? []),
    node.IsSensitive ? el('p', { class: 'sensitive-note' }, t('sensitive_note')) : null,
    name !== focusName
      ? el('p', {}, el('a', { class: 'button button-secondary', href: `/lineage/${encodeURIComponent(name)}` }, t('lineage_open')))
      : null,
  ];
  panel.replaceChildren(...parts.filter(Boolean));
}

function table(container, graph) {
  if (!graph.edges.length) {
    container.replaceChildren(el('p', { class: 'hint' }, t('lineage_no_edges')));
    return;
  }
  const title = (n) => graph.nodes.find((x) => x.Name === n)?.Title ?? n;
  const cell = (n, label) =>
    el('td', { 'data-label': label }, el('a', { href: `/lineage/${encodeURIComponent(n)}` }, title(n)));
  const pct = (v) => (typeof v === 'number' ? formatPercent(v) : '—');
  container.replaceChildren(
    el(
      'table',
      {},
      el('caption', { class: 'sr-only' }, t('lineage_table_title')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, t('lineage_col_parent')),
          el('th', { scope: 'col' }, t('lineage_col_child')),
          el('th', { scope: 'col', class: 'num' }, t('lineage_col_share')),
          el('th', { scope: 'col', class: 'num' }, t('lineage_col_coverage')),
        ),
      ),
      el(
        'tbody',
        {},
        graph.edges.map((e) =>
          el(
            'tr',
            {},
            cell(e.parent, t('lineage_col_parent')),
            cell(e.child, t('lineage_col_child')),
            el('td', { class: 'num', 'data-label': t('lineage_col_share') }, pct(e.share)),
            el('td', { class: 'num', 'data-label': t('lineage_col_coverage') }, pct(e.coverage)),
          ),
        ),
      ),
    ),
  );
}

async function setup() {
  const name = pageData().name;
  const container = document.getElementById('graph');
  const panel = document.getElementById('node-details');
  let graph;
  try {
    graph = await requestJson(`/v1/lineage/${encodeURIComponent(name)}`);
  } catch (err) {
    const message = err instanceof RequestError && err.status === 404 ? t('lineage_unknown') : err.message;
    container.replaceChildren(el('p', { class: 'status', role: 'status' }, message || t('error_server')));
    return;
  }
  let selected = name;
  let vertical = null;
  let view;
  const render = () => {
    const narrow = container.clientWidth < 600;
    if (narrow === vertical) return;
    vertical = narrow;
    view = draw(container, graph, name, select, vertical);
    view.select(selected);
  };
  function select(which, fromUser = false) {
    selected = which;
    view.select(which);
    details(panel, graph, which, name);
    if (fromUser && window.matchMedia('(max-width: 900px)').matches) panel.scrollIntoView({ block: 'nearest' });
  }
  render();
  details(panel, graph, selected, name);
  table(document.getElementById('edge-table'), graph);
  let pending;
  window.addEventListener('resize', () => {
    clearTimeout(pending);
    pending = setTimeout(render, 150);
  });
}

setup();
