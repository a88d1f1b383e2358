// The browser's normalization against tests/vectors/normalization.json (generated from Python).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { guessKind, normalize } from '../../web/src/normalize.js';
import { PHONENUMBERS_VERSION } from '../../web/src/phone-meta.js';

const document = JSON.parse(
  readFileSync(new URL('../vectors/normalization.json', import.meta.url), 'utf8'),
);
const vectors = document.normalization;
const FRENCH = /^phone:\+(33|262|590|594|596)/;

function label(v) {
  return `${v.kind} ${JSON.stringify(v.raw)}`;
}

test('phone metadata comes from the same phonenumbers as the vectors', () => {
  assert.equal(PHONENUMBERS_VERSION, document.phonenumbers);
});

test('never a different canonical value than Python', () => {
  for (const v of vectors) {
    const got = normalize(v.kind, v.raw);
    if (got.ok) assert.equal(`${v.kind}:${got.value}`, v.canonical, label(v));
  }
});

test("'invalid' only where Python rejects too", () => {
  for (const v of vectors) {
    const got = normalize(v.kind, v.raw);
    if (!got.ok && got.reason === 'invalid') assert.equal(v.canonical, null, label(v));
  }
});

test('every NIR is read exactly as Python reads it', () => {
  for (const v of vectors.filter((x) => x.kind === 'nir')) {
    const got = normalize('nir', v.raw);
    assert.equal(got.ok ? `nir:${got.value}` : null, v.canonical, label(v));
  }
});

test('every French number (mainland and overseas) is read exactly as Python reads it', () => {
  for (const v of vectors.filter((x) => x.kind === 'phone')) {
    const got = normalize('phone', v.raw);
    if (v.canonical !== null && FRENCH.test(v.canonical)) {
      assert.ok(got.ok, `${label(v)} → ${JSON.stringify(got)}`);
    }
    if (v.canonical !== null && !FRENCH.test(v.canonical)) {
      assert.deepEqual(got, { ok: false, reason: 'unsupported' }, label(v));
    }
  }
});

// Left to the Python client: typed xn-- labels (an IDNA 2008 check) and TLDs with digits.
const EXOTIC_DOMAIN = /@(?:.*\.)?xn--|\.[a-z]*[^a-z.][^.]*$/;

test('every ASCII e-mail address is read exactly as Python reads it', () => {
  for (const v of vectors.filter((x) => x.kind === 'email' && /^[\x00-\x7f]*$/.test(x.raw))) {
    const got = normalize('email', v.raw);
    if (v.canonical !== null && EXOTIC_DOMAIN.test(v.canonical)) {
      assert.deepEqual(got, { ok: false, reason: 'unsupported' }, label(v));
    } else {
      assert.equal(got.ok ? `email:${got.value}` : null, v.canonical, label(v));
    }
  }
});

test('most non-ASCII e-mail addresses too', () => {
  const accepted = vectors.filter((x) => x.kind === 'email' && x.canonical !== null);
  const read = accepted.filter((v) => normalize('email', v.raw).ok);
  assert.ok(read.length / accepted.length > 0.9, `${read.length}/${accepted.length}`);
});

test('the kind is guessed from the input', () => {
  assert.equal(guessKind(' jean@orange.fr'), 'email');
  assert.equal(guessKind('1 85 05 78 006 084 91'), 'nir');
  assert.equal(guessKind('2 85 05 2A 006 084 34'), 'nir');
  assert.equal(guessKind('06 12 34 56 78'), 'phone');
  assert.equal(guessKind('+33 6 12 34 56 78'), 'phone');
});
