// Canonical identifiers in the browser, the same bytes as leaktrace.identifiers (Python):
//   email:  local part lower-cased (NFC), domain in IDNA ASCII
//   phone:  E.164; French numbers only (metropolitan +33 and the overseas departments), in every
//           shape Python reads them: national 0X, the 9 digits alone, +33, 0033, 33, "(0)",
//           separators, spreadsheet leftovers (tel:, leading ', .0, 6.12345678E+08)
//   nir:    15 characters, 2A/2B for Corsica, the key checked
// Each function answers {ok: true, value} or {ok: false, reason}, where reason is 'invalid'
// (Python would reject it too) or 'unsupported' (a form the browser does not read: it sends
// nothing rather than risk another encoding). tests/js/normalize.test.mjs checks both against
// tests/vectors/normalization.json, generated from the Python implementation.
import { REGIONS } from './phone-meta.js';

// Python's str.isspace() characters, so that strip() here is Python's strip().
const PY_SPACE = '\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function pyStrip(text) {
  let start = 0;
  let end = text.length;
  while (start < end && PY_SPACE.includes(text[start])) start++;
  while (end > start && PY_SPACE.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function pyLen(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const ok = (value) => ({ ok: true, value });
const invalid = { ok: false, reason: 'invalid' };
const unsupported = { ok: false, reason: 'unsupported' };

// ---------------------------------------------------------------------------------------- NIR

const NIR_SEPARATORS = /[ \t.\-\u00a0\u202f\u2007\u2009]/g;

export function normalizeNir(raw) {
  if (pyLen(raw) > 64) return invalid;
  let text = pyStrip(raw);
  if (text.length === 17 && /^[0-9]{15}\.0$/.test(text)) text = text.slice(0, 15);
  text = text.replace(NIR_SEPARATORS, '');
  if (!/^[\x00-\x7f]*$/.test(text)) return invalid;
  text = text.toUpperCase();
  const match = /^([0-9]{5})([0-9]{2}|2A|2B)([0-9]{6})([0-9]{2})$/.exec(text);
  if (!match) return invalid;
  const department = match[2] === '2A' ? '19' : match[2] === '2B' ? '18' : match[2];
  const body = BigInt(match[1] + department + match[3]);
  const key = String(97n - (body % 97n)).padStart(2, '0');
  return key === match[4] ? ok(text) : invalid;
}

// -------------------------------------------------------------------------------------- phone

const PHONE_SEPARATORS = /[ \t.\-/()\u00a0\u202f\u2007\u2009]/g;

/** Python's _reduce: "[+]digits", or null when anything but separators remains. */
export function reducePhone(raw) {
  let text = pyStrip(raw);
  if (text.slice(0, 4).toLowerCase() === 'tel:') text = lstripPy(text.slice(4));
  if (text.startsWith("'")) text = text.slice(1);
  let match = /^(\+?[0-9]+)\.0$/.exec(text);
  if (match) {
    text = match[1];
  } else {
    match = /^([0-9])\.([0-9]+)[eE]\+?([0-9]{1,2})$/.exec(text);
    if (match) {
      if (match[2].length !== Number(match[3])) return null;
      text = match[1] + match[2];
    }
  }
  const plus = text.startsWith('+');
  const digits = (plus ? text.slice(1) : text).replace(PHONE_SEPARATORS, '');
  if (!/^[0-9]+$/.test(digits)) return null;
  if (digits.length < 5 || digits.length > 17) return null;
  return plus ? '+' + digits : digits;
}

function lstripPy(text) {
  let start = 0;
  while (start < text.length && PY_SPACE.includes(text[start])) start++;
  return text.slice(start);
}

/** Is this national significant number valid for this country code (any of its regions)? */
export function validFor(countryCode, nationalNumber) {
  const regions = REGIONS[countryCode];
  if (!regions) return false;
  return regions.some(
    (r) =>
      r.lengths.includes(nationalNumber.length) &&
      r.general.test(nationalNumber) &&
      r.types.some((t) => t.test(nationalNumber)),
  );
}

// Where a number written without a country code is looked for: France, then the overseas
// departments in Python's order (Réunion and Mayotte, Guadeloupe, Martinique, Guyane).
const NATIONAL_ORDER = ['33', '262', '590', '596', '594'];
const OVERSEAS = '262|590|594|596';

export function normalizePhone(raw) {
  if (pyLen(raw) > 64) return invalid;
  const candidate = reducePhone(raw);
  if (candidate === null) return invalid;
  // 1. The French shapes of Python's fast path.
  let m = /^(?:0|\+33|0033|33)?([1-9][0-9]{8})$/.exec(candidate);
  if (m && validFor('33', m[1])) return ok('+33' + m[1]);
  // 2. International: +CC or 00CC, an optional "(0)", the 9 digits.
  m = new RegExp(`^(?:\\+|00)(33|${OVERSEAS})0?([1-9][0-9]{8})$`).exec(candidate);
  if (m) return validFor(m[1], m[2]) ? ok(`+${m[1]}${m[2]}`) : invalid;
  // 3. National: "0" and 9 digits (or the 9 digits alone), France first, then overseas.
  m = /^0?([1-9][0-9]{8})$/.exec(candidate);
  if (m) {
    for (const cc of NATIONAL_ORDER) {
      if (validFor(cc, m[1])) return ok(`+${cc}${m[1]}`);
    }
    return invalid;
  }
  // 4. A country code written without "+" or "00" (leaks drop it): 33/262/590/594/596, "0"?
  m = new RegExp(`^(33|${OVERSEAS})0?([1-9][0-9]{8})$`).exec(candidate);
  if (m) return validFor(m[1], m[2]) ? ok(`+${m[1]}${m[2]}`) : invalid;
  return unsupported; // another country, or a shape only the Python client reads
}

// -------------------------------------------------------------------------------------- email

const SPECIAL_USE = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];
const FAST_EMAIL =
  /^([a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/;
// RFC 5322 atext (ASCII), as email-validator accepts it in a dot-atom local part.
const ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]";
const ASCII_LOCAL = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
// Latin letters with diacritics: the non-ASCII letters French addresses use.
const LATIN = '\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f';
const LATIN_LOCAL = new RegExp(`^[a-z0-9${LATIN}!#$%&'*+/=?^_\`{|}~-]+(?:\\.[a-z0-9${LATIN}!#$%&'*+/=?^_\`{|}~-]+)*$`);
const LATIN_LABEL = new RegExp(`^[a-z0-9${LATIN}](?:[a-z0-9${LATIN}-]*[a-z0-9${LATIN}])?$`);
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const LDH_DOMAIN = new RegExp(`^(?:${LABEL}\\.)+[a-z]{1,63}$`);
const LDH_ANY_TLD = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`);

function stripEmailNoise(raw) {
  let text = pyStrip(raw);
  if (text.endsWith('>')) {
    const start = text.lastIndexOf('<');
    if (start < 0) return '';
    text = pyStrip(text.slice(start + 1, -1));
  }
  if (text.slice(0, 7).toLowerCase() === 'mailto:') text = pyStrip(text.slice(7));
  return text;
}

function specialUse(domain) {
  const labels = domain.split('.');
  return labels.some((_, i) => SPECIAL_USE.includes(labels.slice(i).join('.')));
}

/** IDNA ASCII of a lower-case Latin domain through the URL parser (UTS 46, non-transitional). */
function asciiDomain(domain) {
  const labels = domain.split('.');
  if (!labels.every((l) => LATIN_LABEL.test(l))) return null;
  let host;
  try {
    host = new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
  return LDH_DOMAIN.test(host.replace(/xn--/g, 'xn')) ? host : null;
}

export function normalizeEmail(raw) {
  if (pyLen(raw) > 320) return invalid;
  const text = stripEmailNoise(raw);
  if (!text.includes('@') || pyLen(text) < 3) return invalid;
  const lowered = text.toLowerCase();
  const fast = FAST_EMAIL.exec(lowered);
  if (fast && lowered.length <= 254 && fast[1].length <= 64) {
    const domain = fast[2];
    if (!domain.includes('--') && domain.length <= 253 && !specialUse(domain)) return ok(lowered);
  }
  // What Python's fast path left to email-validator: other atext characters, long local parts,
  // one-letter TLDs, and Latin (accented) local parts and domains.
  const at = lowered.lastIndexOf('@');
  const local = lowered.slice(0, at).normalize('NFC');
  let domain = lowered.slice(at + 1).normalize('NFC');
  if (!local || !domain.includes('.') || /\s/.test(lowered)) return invalid;
  if (/^\.|\.$|\.\./.test(local) || /^\.|\.$|\.\./.test(domain)) return invalid;
  const ascii = /^[\x00-\x7f]*$/;
  if (ascii.test(domain)) {
    // "--" in the 3rd and 4th places is reserved: typed xn-- labels need an IDNA 2008 check
    // the browser does not have, and the others are invalid.
    const labels = domain.split('.');
    if (labels.some((l) => l.slice(2, 4) === '--')) {
      return labels.some((l) => l.startsWith('xn--')) ? unsupported : invalid;
    }
    if (!LDH_DOMAIN.test(domain)) return LDH_ANY_TLD.test(domain) ? unsupported : invalid;
  } else {
    domain = asciiDomain(domain);
    if (domain === null) return unsupported;
  }
  if (domain.length > 253) return unsupported;
  if (specialUse(domain)) return invalid;
  if (!(ascii.test(local) ? ASCII_LOCAL : LATIN_LOCAL).test(local)) return unsupported;
  const value = `${local}@${domain}`;
  if (new TextEncoder().encode(value).length > 254) return ascii.test(lowered) ? invalid : unsupported;
  return ok(value);
}

// ---------------------------------------------------------------------------------- dispatch

export const KINDS = ['email', 'phone', 'nir'];

export function normalize(kind, raw) {
  if (typeof raw !== 'string') return invalid;
  switch (kind) {
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'nir':
      return normalizeNir(raw);
    default:
      throw new Error(`unknown identifier kind ${kind}`);
  }
}

/** A guess of the kind, for the form's auto-detection: "@" is an email, else NIR or phone. */
export function guessKind(raw) {
  const text = pyStrip(raw);
  if (text.includes('@')) return 'email';
  const compact = text.replace(/[\s.\-/()]/g, '');
  if (/^[12][0-9]{4}(?:[0-9]{2}|2[abAB])[0-9]{8}$/.test(compact)) return 'nir';
  return 'phone';
}
