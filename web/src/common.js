// Shared helpers of the pages: the page's data, translations, formatting, DOM building (no
// innerHTML: every text from the server or the user goes through textContent), JSON requests.

let cached;

/** The JSON document the server rendered into the page: lang, strings, and page data. */
export function pageData() {
  if (!cached) {
    const node = document.getElementById('page-data');
    cached = node ? JSON.parse(node.textContent) : { lang: 'fr', strings: {} };
  }
  return cached;
}

export function lang() {
  return pageData().lang === 'en' ? 'en' : 'fr';
}

/** The translation of `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = pageData().strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** t() with a `_one`/`_many` variant chosen by `count`. */
export function tn(key, count, values = {}) {
  return t(`${key}_${count === 1 ? 'one' : 'many'}`, { count: formatNumber(count), ...values });
}

const locale = () => (lang() === 'fr' ? 'fr-FR' : 'en-GB');

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

export function formatPercent(share) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A date of the catalogue ("2021-02-23" or "2021-03-01T12:00:00Z"), in words. */
export function formatDate(iso) {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Build an element: el('p', {class: 'x'}, 'text', child, ...). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An error a request ended with, already translated for the user. */
export class RequestError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.status = status;
  }
}

/** fetch() a JSON answer from this origin; failures become RequestError with a sentence. */
export async function requestJson(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      ...options,
      headers: { Accept: 'application/json', ...(options.headers || {}) },
    });
  } catch {
    throw new RequestError(t('error_network'));
  }
  if (response.status === 429) {
    const seconds = Math.max(1, Math.ceil(Number(response.headers.get('Retry-After')) || 30));
    throw new RequestError(t('error_rate', { seconds }), 429);
  }
  if (!response.ok) {
    throw new RequestError(response.status >= 500 ? t('error_server') : t('error_network'), response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new RequestError(t('error_server'), response.status);
  }
}

/** Show or hide a field's error message and mark the field invalid for assistive tech. */
export function setFieldError(input, errorNode, message) {
  if (message) {
    errorNode.textContent = message;
    errorNode.hidden = false;
    input?.setAttribute('aria-invalid', 'true');
  } else {
    errorNode.textContent = '';
    errorNode.hidden = true;
    input?.removeAttribute('aria-invalid');
  }
}

/** A banner: icon, heading, paragraphs; tone is danger, warning, ok or info. */
export function banner(tone, icon, heading, ...paragraphs) {
  return el(
    'div',
    { class: `result-banner tone-${tone}` },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, icon),
    el('div', {}, el('h2', {}, heading), ...paragraphs.filter(Boolean).map((p) => (p instanceof Node ? p : el('p', {}, p)))),
  );
}

export function spinner(text) {
  return el('p', { class: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** Data-class labels in the page's language (from the Python advice table). */
export function classLabel(dataClass) {
  const labels = pageData().advice?.labels ?? pageData().labels ?? {};
  return labels[lang()]?.[dataClass] ?? dataClass;
}

// Data classes shown in red: what makes health-data lures convincing.
export const SENSITIVE_CLASSES = new Set([
  'Social security numbers',
  'Health insurance information',
  'Medical records',
  'Medical conditions',
  'Bank account numbers',
  'Passwords',
]);

export function classChips(dataClasses) {
  return el(
    'ul',
    { class: 'chips' },
    dataClasses.map((c) =>
      el('li', { class: SENSITIVE_CLASSES.has(c) ? 'chip chip-sensitive' : 'chip' }, classLabel(c)),
    ),
  );
}
