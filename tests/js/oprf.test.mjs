// The browser's OPRF (RFC 9497 ristretto255-SHA512, mode 0) against the RFC's vectors and the
// end-to-end vectors of the Python client (tests/vectors/normalization.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { normalize } from '../../web/src/normalize.js';
import {
  blind,
  blindEvaluate,
  encodeIdentifier,
  finalize,
  fromHex,
  indexKey,
  toHex,
} from '../../web/src/oprf.js';

const read = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
const rfc = read('rfc9497-oprf-vectors.json').filter(
  (suite) => suite.identifier === 'ristretto255-SHA512' && suite.mode === 0,
);
const shared = read('normalization.json').oprf;

test('RFC 9497 appendix A vectors (ristretto255-SHA512, OPRF mode)', () => {
  assert.equal(rfc.length, 1);
  let count = 0;
  for (const suite of rfc) {
    for (const v of suite.vectors) {
      const blinded = blind(fromHex(v.Input), fromHex(v.Blind));
      assert.equal(toHex(blinded.blindedElement), v.BlindedElement);
      const evaluated = blindEvaluate(fromHex(suite.skSm), blinded.blindedElement);
      assert.equal(toHex(evaluated), v.EvaluationElement);
      assert.equal(toHex(finalize(blinded, fromHex(v.EvaluationElement))), v.Output);
      count++;
    }
  }
  assert.equal(count, 2);
});

test('raw identifier → normalize → blind → finalize → index key, as the Python client', () => {
  for (const v of shared.vectors) {
    const normalized = normalize(v.kind, v.raw);
    assert.ok(normalized.ok, v.raw);
    const input = encodeIdentifier(v.kind, normalized.value);
    assert.equal(new TextDecoder().decode(input), v.input);
    const blinded = blind(input, fromHex(v.blind));
    assert.equal(toHex(blinded.blindedElement), v.blinded);
    assert.equal(toHex(blindEvaluate(fromHex(shared.secret), blinded.blindedElement)), v.evaluated);
    const output = finalize(blinded, fromHex(v.evaluated));
    assert.equal(toHex(output), v.output);
    assert.deepEqual(indexKey(output), { hex: v.index_key, prefix: v.prefix, suffix: v.suffix });
  }
});

test('random blinds give the same output', () => {
  const v = shared.vectors[0];
  const input = encodeIdentifier(v.kind, normalize(v.kind, v.raw).value);
  for (let i = 0; i < 3; i++) {
    const blinded = blind(input);
    assert.notEqual(toHex(blinded.blindedElement), v.blinded);
    const evaluated = blindEvaluate(fromHex(shared.secret), blinded.blindedElement);
    assert.equal(toHex(finalize(blinded, evaluated)), v.output);
  }
});

test('a bad evaluated element is refused', () => {
  const blinded = blind(encodeIdentifier('phone', '+33612345678'));
  assert.throws(() => finalize(blinded, new Uint8Array(32).fill(0xff)));
  assert.throws(() => finalize(blinded, new Uint8Array(32))); // the identity
});
