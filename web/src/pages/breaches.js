// The breach catalogue: GET /v1/breaches rendered as cards, filtered and sorted in the page.
import {
  RequestError,
  classChips,
  classLabel,
  el,
  formatDate,
  formatNumber,
  formatPercent,
  requestJson,
  t,
  tn,
} from '../common.js';

const fold = (text) =>
  String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

function initials(title) {
  const words = String(title).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length > 1 ? words[0][0] + words[1][0] : words[0].slice(0, 2);
  return letters.toUpperCase();
}

function badges(breach) {
  const items = [];
  if (breach.IsSensitive) items.push(['badge-sensitive', t('badge_sensitive')]);
  if (breach.IsVerified) items.push(['badge-verified', t('badge_verified')]);
  if (breach.Parents?.length) items.push(['badge-repackaged', t('badge_repackaged')]);
  if (breach.IsFabricated) items.push(['badge-other', t('badge_fabricated')]);
  if (breach.IsSpamList) items.push(['badge-other', t('badge_spam')]);
  if (!items.length) return null;
  return el('div', { class: 'badges' }, items.map(([cls, text]) => el('span', { class: `badge ${cls}` }, text)));
}

function card(breach, titles) {
  const logoClass = breach.IsSensitive ? 'sensitive' : breach.Parents?.length ? 'repackaged' : '';
  const parents = breach.Parents?.length
    ? el(
        'p',
        { class: 'parents' },
        `${t('parents_label')} `,
        breach.Parents.flatMap((p, i) => [
          i ? ', ' : '',
          el('a', { href: `/lineage/${encodeURIComponent(p.Name)}` }, titles.get(p.Name) ?? p.Name),
          ` (${formatPercent(p.Share)})`,
        ]),
      )
    : null;
  return el(
    'li',
    { class: 'breach-card', dataset: { breach: breach.Name } },
    el(
      'div',
      { class: 'breach-card-head' },
      el('span', { class: `breach-logo ${logoClass}`, 'aria-hidden': 'true' }, initials(breach.Title)),
      el(
        'div',
        {},
        el('h2', {}, breach.Title),
        el('p', { class: 'breach-domain' }, breach.Domain || breach.Name),
      ),
    ),
    badges(breach),
    el(
      'div',
      { class: 'breach-body' },
      el(
        'p',
        { class: 'breach-count' },
        formatNumber(breach.PwnCount),
        el('small', {}, t(breach.PwnCount === 1 ? 'people_label_one' : 'people_label_many')),
      ),
      breach.Description ? el('p', { class: 'breach-desc' }, breach.Description) : null,
      el('p', { class: 'chips-label' }, t('breach_classes')),
      classChips(breach.DataClasses ?? []),
      parents,
      breach.IsSensitive ? el('p', { class: 'sensitive-note' }, t('sensitive_note')) : null,
    ),
    el(
      'div',
      { class: 'breach-foot' },
      el(
        'span',
        {},
        t('breach_date', { date: formatDate(breach.BreachDate) }),
        el('br'),
        t('breach_added', { date: formatDate(breach.AddedDate) }),
      ),
      el(
        'a',
        { href: `/lineage/${encodeURIComponent(breach.Name)}`, 'aria-label': `${t('lineage_link')} — ${breach.Title}` },
        `${t('lineage_link')} →`,
      ),
    ),
  );
}

const SORTS = {
  date: (a, b) => b.BreachDate.localeCompare(a.BreachDate) || a.Title.localeCompare(b.Title),
  count: (a, b) => b.PwnCount - a.PwnCount || a.Title.localeCompare(b.Title),
  name: (a, b) => a.Title.localeCompare(b.Title, undefined, { sensitivity: 'base' }),
};

async function setup() {
  const list = document.getElementById('breach-list');
  const status = document.getElementById('breach-status');
  const stats = document.getElementById('breach-stats');
  const filter = document.getElementById('breach-filter');
  const sort = document.getElementById('breach-sort');
  let breaches;
  try {
    breaches = await requestJson('/v1/breaches');
  } catch (err) {
    status.textContent = err instanceof RequestError ? err.message : t('error_server');
    return;
  }
  const titles = new Map(breaches.map((b) => [b.Name, b.Title]));
  const people = breaches.reduce((n, b) => n + (b.PwnCount || 0), 0);
  stats.textContent = t('breaches_stats', {
    breaches: tn('breaches_count', breaches.length),
    people: tn('people', people),
  });
  const haystacks = new Map(
    breaches.map((b) => [
      b,
      fold([b.Title, b.Name, b.Domain, b.Description, ...(b.DataClasses ?? []).map(classLabel), ...(b.DataClasses ?? [])].join(' ')),
    ]),
  );
  const render = () => {
    const query = filter.value.trim();
    const words = fold(query).split(/\s+/).filter(Boolean);
    const shown = breaches
      .filter((b) => words.every((w) => haystacks.get(b).includes(w)))
      .sort(SORTS[sort.value] ?? SORTS.date);
    list.replaceChildren(...shown.map((b) => card(b, titles)));
    if (!breaches.length) status.textContent = t('breaches_empty');
    else if (!shown.length) status.textContent = t('breaches_none_match', { query });
    else status.textContent = query ? t('breaches_shown', { shown: shown.length, total: breaches.length }) : '';
    status.hidden = !status.textContent;
  };
  filter.addEventListener('input', render);
  sort.addEventListener('change', render);
  render();
}

setup();
