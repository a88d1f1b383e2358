// The check page: normalize and blind in the browser, then /v1/oprf/evaluate, /v1/range/{prefix}
// and /v1/breaches/{Name}, exactly as leaktrace.lookup.client.Client does. The identifier itself
// is never sent: only the blinded element, the 5-hex-digit prefix and breach names.
import {
  RequestError,
  banner,
  classChips,
  el,
  formatDate,
  lang,
  pageData,
  requestJson,
  setFieldError,
  spinner,
  t,
  tn,
} from '../common.js';
import { guessKind, normalize, normalizeEmail } from '../normalize.js';
import { blind, encodeIdentifier, finalize, fromHex, indexKey, toHex } from '../oprf.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** The advice items for these exposed data classes, in table order (lookup/advice.py). */
export function adviceFor(dataClasses) {
  const exposed = new Set(dataClasses);
  if (exposed.size === 0) return [];
  const table = pageData().advice?.items ?? [];
  return table
    .filter((item) => item.data_classes.length === 0 || item.data_classes.some((c) => exposed.has(c)))
    .map((item) => ({ id: item.id, text: item[lang()] }));
}

/** One private check, the Client's protocol step by step. Returns the breaches and timings. */
export async function privateCheck(kind, value) {
  const started = performance.now();
  const blinded = blind(encodeIdentifier(kind, value));
  const blindMs = performance.now() - started;
  const answer = await requestJson('/v1/oprf/evaluate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ blinded: [toHex(blinded.blindedElement)] }),
  });
  const evaluated = answer?.evaluated;
  if (!Array.isArray(evaluated) || evaluated.length !== 1 || !HEX64.test(evaluated[0])) {
    throw new RequestError(t('error_server'));
  }
  const finalizing = performance.now();
  const key = indexKey(finalize(blinded, fromHex(evaluated[0])));
  const oprfMs = blindMs + (performance.now() - finalizing);
  const range = await requestJson(`/v1/range/${key.prefix}`);
  if (range?.prefix !== key.prefix || !Array.isArray(range.entries)) {
    throw new RequestError(t('error_server'));
  }
  const entry = range.entries.find((e) => e.suffix === key.suffix);
  const names = Array.isArray(entry?.breaches) ? entry.breaches : [];
  const breaches = await Promise.all(
    names.map((name) => requestJson(`/v1/breaches/${encodeURIComponent(name)}`)),
  );
  return { breaches, prefix: key.prefix, oprfMs };
}

function kindLabel(kind) {
  return t(`kind_${kind}_the`);
}

function renderBreach(breach) {
  return el(
    'li',
    { class: 'found-breach', dataset: { breach: breach.Name } },
    el('h3', {}, breach.Title),
    el(
      'p',
      { class: 'meta' },
      el('span', {}, t('breach_date', { date: formatDate(breach.BreachDate) })),
      el('span', {}, tn('breach_people', breach.PwnCount)),
    ),
    breach.Description ? el('p', { class: 'breach-desc' }, breach.Description) : null,
    el('p', { class: 'chips-label' }, t('breach_classes')),
    classChips(breach.DataClasses),
  );
}

function renderResult(section, kind, outcome) {
  const { breaches, prefix, oprfMs } = outcome;
  const sent = el(
    'details',
    { class: 'sent' },
    el('summary', {}, t('sent_summary')),
    el('p', {}, t('sent_detail', { prefix, ms: oprfMs.toFixed(1) })),
  );
  section.replaceChildren();
  section.dataset.oprfMs = oprfMs.toFixed(2);
  section.dataset.outcome = breaches.length ? 'exposed' : 'clear';
  if (breaches.length === 0) {
    section.append(
      banner('ok', '✓', t('absent_title'), t('absent_text', { kind: kindLabel(kind) }), t('absent_note'), sent),
    );
    return;
  }
  const classes = breaches.flatMap((b) => b.DataClasses);
  const advice = adviceFor(classes);
  section.append(
    banner(
      'danger',
      '!',
      tn('found_title', breaches.length, { kind: kindLabel(kind) }),
      t('found_text'),
      sent,
    ),
    el(
      'div',
      { class: 'result-columns' },
      el('ul', { class: 'found-breaches', 'aria-label': t('breach_classes') }, breaches.map(renderBreach)),
      el(
        'section',
        { class: 'card advice', 'aria-labelledby': 'advice-title' },
        el('h2', { id: 'advice-title' }, t('advice_title')),
        el(
          'ol',
          { class: 'advice-list' },
          advice.map((a) => el('li', { dataset: { adviceId: a.id } }, a.text)),
        ),
      ),
    ),
  );
}

function errorFor(kind, reason) {
  if (reason === 'unsupported' && kind !== 'nir') return t(`error_unsupported_${kind}`);
  return t(`error_invalid_${kind}`);
}

function setupCheck() {
  const form = document.getElementById('check-form');
  const input = document.getElementById('identifier');
  const kindSelect = document.getElementById('kind');
  const detected = document.getElementById('identifier-kind');
  const error = document.getElementById('identifier-error');
  const button = document.getElementById('check-submit');
  const section = document.getElementById('check-result');

  const chosenKind = () => (kindSelect.value === 'auto' ? guessKind(input.value) : kindSelect.value);

  const describe = () => {
    setFieldError(input, error, '');
    const kind = chosenKind();
    const outcome = input.value.trim() ? normalize(kind, input.value) : { ok: false };
    detected.textContent = outcome.ok ? t('detected', { kind: t(`kind_${kind}`) }) : '';
  };
  input.addEventListener('input', describe);
  kindSelect.addEventListener('change', describe);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      setFieldError(input, error, t('error_empty'));
      input.focus();
      return;
    }
    const kind = chosenKind();
    const normalized = normalize(kind, input.value);
    if (!normalized.ok) {
      setFieldError(input, error, errorFor(kind, normalized.reason));
      input.focus();
      return;
    }
    setFieldError(input, error, '');
    button.disabled = true;
    section.hidden = false;
    section.setAttribute('aria-busy', 'true');
    section.replaceChildren(spinner(t('checking')));
    try {
      renderResult(section, kind, await privateCheck(kind, normalized.value));
    } catch (err) {
      const message = err instanceof RequestError ? err.message : t('error_check_failed');
      section.replaceChildren(banner('warning', '!', t('error_check_failed'), message));
      section.dataset.outcome = 'error';
    } finally {
      button.disabled = false;
      section.removeAttribute('aria-busy');
      section.focus();
    }
  });
}

function setupSubscribe() {
  const form = document.getElementById('subscribe-form');
  const input = document.getElementById('subscribe-email');
  const status = document.getElementById('subscribe-status');
  const show = (message, tone) => {
    status.textContent = message;
    status.className = `form-status ${tone}`;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = normalizeEmail(input.value);
    if (!email.ok) {
      input.setAttribute('aria-invalid', 'true');
      show(t('subscribe_invalid'), 'error');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await requestJson('/v1/subscriptions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: input.value.trim(), lang: lang() }),
      });
      show(t('subscribe_done'), 'ok');
      input.value = '';
    } catch (err) {
      const status = err instanceof RequestError ? err.status : 0;
      if (status === 404 || status === 405) show(t('subscribe_unavailable'), 'error');
      else if (status === 400) show(t('subscribe_invalid'), 'error');
      else show(err instanceof RequestError ? err.message : t('error_server'), 'error');
    } finally {
      button.disabled = false;
    }
  });
}

setupCheck();
setupSubscribe();
