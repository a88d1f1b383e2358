// The scam-triage page: POST /v1/phish (JSON text, or the raw .eml as message/rfc822), then the
// verdict, the reasons highlighted in the message, the advice and where to report.
import { RequestError, banner, el, lang, requestJson, setFieldError, spinner, t } from '../common.js';
import { readEml } from '../eml.js';

const MAX_BYTES = 2_000_000;
const TONE = { phishing: 'danger', suspicious: 'warning', legitimate: 'ok' };
const ICON = { phishing: '!', suspicious: '?', legitimate: '✓' };

/** The evidence a rule quoted: the last parenthesised group of its detail, split in pieces. */
export function evidenceOf(detail) {
  if (!detail.endsWith(')')) return [];
  let depth = 0;
  for (let i = detail.length - 1; i >= 0; i--) {
    if (detail[i] === ')') depth++;
    else if (detail[i] === '(' && --depth === 0) {
      const inside = detail.slice(i + 1, -1);
      if (/^p=[0-9.]+$/.test(inside)) return [];
      const pieces = new Set();
      for (const part of inside.split(/\s*(?:,|;|≠|→|←|->|<-|\|)\s*/)) {
        const clean = part.replace(/^[«"'“\s]+|[»"'”\s]+$/g, '');
        const nested = /^(.*?)\s*\((.*)\)$/.exec(clean);
        for (const piece of nested ? [nested[1], nested[2]] : [clean]) {
          if (piece.trim().length >= 3) pieces.add(piece.trim());
        }
      }
      return [...pieces];
    }
  }
  return [];
}

/** [start, end, reason number] ranges of the message that the reasons point at. */
export function highlightRanges(text, reasons) {
  const lower = text.toLowerCase();
  const ranges = [];
  reasons.forEach((reason, index) => {
    if (reason.weight <= 0) return;
    for (const piece of evidenceOf(reason.detail)) {
      const needle = piece.toLowerCase();
      let from = 0;
      for (;;) {
        let start = lower.indexOf(needle, from);
        if (start < 0) break;
        let end = start + needle.length;
        if (/^[^\s]+\.[^\s]+$/.test(piece)) {
          // A domain or a link: mark the whole link it sits in.
          while (start > 0 && !/\s/.test(text[start - 1])) start--;
          while (end < text.length && !/\s/.test(text[end])) end++;
        }
        ranges.push([start, end, index + 1]);
        from = end;
      }
    }
  });
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) {
      last[1] = Math.max(last[1], range[1]);
      if (!last[2].includes(range[2])) last[2].push(range[2]);
    } else {
      merged.push([range[0], range[1], [range[2]]]);
    }
  }
  return merged;
}

function highlighted(text, reasons) {
  const nodes = [];
  let at = 0;
  const ranges = highlightRanges(text, reasons);
  for (const [start, end, numbers] of ranges) {
    nodes.push(text.slice(at, start));
    const refs = numbers.sort((a, b) => a - b);
    nodes.push(
      el('mark', { dataset: { reasons: refs.join(' ') } }, text.slice(start, end), el('sup', {}, refs.join(','))),
    );
    at = end;
  }
  nodes.push(text.slice(at));
  return { nodes, count: ranges.length };
}

function renderAnalysis(section, analysis, shown) {
  const tone = TONE[analysis.verdict] ?? 'warning';
  const score = Math.max(0, Math.min(100, Number(analysis.score) || 0));
  const fill = el('div', { class: 'meter-fill' });
  fill.style.width = `${score}%`;
  const meter = el(
    'div',
    { class: 'score' },
    el('span', { class: 'score-label', id: 'score-label' }, t('score_label')),
    el(
      'div',
      {
        class: 'meter',
        role: 'meter',
        'aria-labelledby': 'score-label',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(score),
        'aria-valuetext': t('score_value', { score }),
      },
      fill,
    ),
    el('strong', {}, t('score_value', { score })),
  );
  const reasons = Array.isArray(analysis.reasons) ? analysis.reasons : [];
  const view = el('div', { class: 'message-view', tabindex: '0', 'aria-labelledby': 'highlight-title' });
  const head = highlighted(shown.headers, reasons);
  if (shown.headers) view.append(el('span', { class: 'headers' }, ...head.nodes));
  const marked = highlighted(shown.text, reasons);
  marked.count += head.count;
  view.append(...marked.nodes);
  section.replaceChildren(
    el(
      'div',
      { class: `result-banner tone-${tone}`, dataset: { verdict: analysis.verdict } },
      el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[analysis.verdict] ?? '?'),
      el(
        'div',
        { class: 'verdict-body' },
        el('h2', { id: 'verdict' }, t(`verdict_${analysis.verdict}`)),
        el('p', {}, t(`verdict_${analysis.verdict}_text`)),
        meter,
      ),
    ),
    el(
      'div',
      { class: 'result-grid' },
      el(
        'div',
        {},
        el(
          'section',
          { class: 'card', 'aria-labelledby': 'highlight-title' },
          el('h2', { id: 'highlight-title' }, t('highlight_title')),
          view,
          marked.count === 0 ? el('p', { class: 'hint' }, t('highlight_none')) : null,
        ),
        el(
          'section',
          { class: 'card', 'aria-labelledby': 'reasons-title' },
          el('h2', { id: 'reasons-title' }, t('reasons_title')),
          el(
            'ol',
            { class: 'reasons' },
            reasons.map((reason, i) =>
              el(
                'li',
                { class: 'reason', dataset: { ruleId: reason.rule_id } },
                el('span', { class: 'reason-num', 'aria-hidden': 'true' }, String(i + 1)),
                el('span', {}, reason.detail, el('span', { class: 'reason-id' }, reason.rule_id)),
                el(
                  'span',
                  { class: `reason-points ${reason.weight > 0 ? 'up' : 'down'}` },
                  t('reason_points', { points: (reason.weight > 0 ? '+' : '−') + Math.abs(reason.weight) }),
                ),
              ),
            ),
          ),
        ),
      ),
      el(
        'section',
        { class: 'card advice', 'aria-labelledby': 'phish-advice-title' },
        el('h2', { id: 'phish-advice-title' }, t('phish_advice_title')),
        el(
          'ol',
          { class: 'advice-list' },
          (analysis.advice ?? []).map((text) => el('li', {}, text)),
        ),
      ),
    ),
  );
}

function setup() {
  const form = document.getElementById('phish-form');
  const textarea = document.getElementById('message');
  const fileInput = document.getElementById('eml-file');
  const fileName = document.getElementById('file-name');
  const dropzone = document.getElementById('dropzone');
  const error = document.getElementById('phish-error');
  const button = document.getElementById('phish-submit');
  const section = document.getElementById('phish-result');
  const sender = document.getElementById('sender');
  const senderField = document.getElementById('sender-field');
  let eml = null; // {bytes, name}

  // A sender is a text's: an e-mail has its From: header (the server refuses both together).
  const showSender = () => {
    const channel = form.querySelector('input[name="channel"]:checked')?.value ?? 'sms';
    senderField.hidden = channel !== 'sms';
  };
  for (const radio of form.querySelectorAll('input[name="channel"]')) {
    radio.addEventListener('change', showSender);
  }

  const chooseFile = async (file) => {
    setFieldError(null, error, '');
    if (!file) return;
    if (file.size > MAX_BYTES) {
      eml = null;
      setFieldError(null, error, t('phish_error_large'));
      return;
    }
    eml = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
    fileName.textContent = t('phish_file_chosen', { name: file.name });
    document.getElementById('channel-email').checked = true;
    showSender();
  };
  fileInput.addEventListener('change', () => chooseFile(fileInput.files?.[0]));
  for (const type of ['dragenter', 'dragover']) {
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    dropzone.addEventListener(type, () => dropzone.classList.remove('dragging'));
  }
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    chooseFile(event.dataTransfer?.files?.[0]);
  });
  textarea.addEventListener('input', () => {
    setFieldError(textarea, error, '');
    if (textarea.value && eml) {
      eml = null;
      fileName.textContent = '';
      fileInput.value = '';
    }
  });
  form.addEventListener('reset', () => {
    eml = null;
    fileName.textContent = '';
    setFieldError(textarea, error, '');
    section.hidden = true;
    section.replaceChildren();
    senderField.hidden = false; // the form resets to SMS
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const channel = form.querySelector('input[name="channel"]:checked')?.value ?? 'sms';
    const text = textarea.value;
    if (!eml && !text.trim()) {
      setFieldError(textarea, error, t('phish_error_empty'));
      textarea.focus();
      return;
    }
    setFieldError(textarea, error, '');
    let request;
    let shown;
    if (eml) {
      const parsed = readEml(eml.bytes);
      request = { method: 'POST', headers: { 'Content-Type': 'message/rfc822' }, body: eml.bytes };
      const headers = [parsed.from, parsed.subject].filter(Boolean).join('\n');
      shown = { headers, text: parsed.text };
    } else {
      request = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          text,
          channel,
          lang: lang(),
          ...(channel === 'sms' && sender.value.trim() ? { sender: sender.value.trim() } : {}),
        }),
      };
      shown = { headers: '', text };
    }
    button.disabled = true;
    section.hidden = false;
    section.setAttribute('aria-busy', 'true');
    section.replaceChildren(spinner(t('analyzing')));
    try {
      const analysis = await requestJson(`/v1/phish?lang=${lang()}`, request);
      renderAnalysis(section, analysis, shown);
    } catch (err) {
      const status = err instanceof RequestError ? err.status : 0;
      let message = err instanceof RequestError ? err.message : t('error_server');
      if (status === 404 || status === 405) message = t('phish_error_unavailable');
      else if (status === 413) message = t('phish_error_large');
      else if (status === 400) message = t('phish_error_refused');
      section.replaceChildren(banner('warning', '!', message));
    } finally {
      button.disabled = false;
      section.removeAttribute('aria-busy');
      section.focus();
    }
  });
}

setup();
