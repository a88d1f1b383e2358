// RFC 9497 OPRF, ristretto255-SHA512, mode 0 (OPRF), client side: Blind and Finalize.
// Byte-compatible with leaktrace.crypto.oprf (tests/js/oprf.test.mjs runs the RFC vectors and the
// shared vectors of the Python client). The server only ever sees the blinded element.
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';

const Point = ristretto255.Point;
const Fn = Point.Fn;
const encoder = new TextEncoder();

export const CONTEXT_STRING = concat(encoder.encode('OPRFV1-'), Uint8Array.of(0), encoder.encode('-ristretto255-SHA512'));
export const HASH_TO_GROUP_DST = concat(encoder.encode('HashToGroup-'), CONTEXT_STRING);
export const INDEX_KEY_BYTES = 16;
export const PREFIX_HEX = 5;
const MAX_INPUT = 0xffff;

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function toHex(bytes) {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error('invalid hex');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function i2osp2(bytes) {
  if (bytes.length > MAX_INPUT) throw new Error('OPRF input too long');
  return concat(Uint8Array.of(bytes.length >> 8, bytes.length & 0xff), bytes);
}

function leToNumber(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

function numberToLe32(n) {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** HashToGroup: hash_to_ristretto255 with expand_message_xmd(SHA-512) and the mode-0 DST. */
export function hashToGroup(input) {
  if (input.length > MAX_INPUT) throw new Error('OPRF input too long');
  const element = ristretto255_hasher.hashToCurve(input, { DST: HASH_TO_GROUP_DST });
  if (element.equals(Point.ZERO)) throw new Error('invalid OPRF input');
  return element;
}

/** A uniformly random non-zero scalar: 64 random bytes reduced modulo the group order. */
export function randomScalar(randomBytes = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  for (;;) {
    const scalar = Fn.create(leToNumber(randomBytes(64)));
    if (scalar !== 0n) return scalar;
  }
}

/** Blind (RFC 9497 §3.3.1). `blindScalar` (32 bytes, little-endian) is for known-answer tests. */
export function blind(input, blindScalar) {
  const scalar = blindScalar === undefined ? randomScalar() : leToNumber(blindScalar);
  if (scalar === 0n || scalar >= Fn.ORDER) throw new Error('invalid blind');
  const blinded = hashToGroup(input).multiply(scalar);
  return { input, blind: scalar, blindedElement: blinded.toBytes() };
}

/** Finalize: unblind the server's evaluated element and hash into the 64-byte output. */
export function finalize(blinded, evaluatedElement) {
  const evaluated = Point.fromBytes(evaluatedElement); // throws on a non-canonical encoding
  if (evaluated.equals(Point.ZERO)) throw new Error('invalid evaluated element');
  const unblinded = evaluated.multiply(Fn.inv(blinded.blind)).toBytes();
  return sha512(concat(i2osp2(blinded.input), i2osp2(unblinded), encoder.encode('Finalize')));
}

/** BlindEvaluate, the server's step: only for tests (the browser never holds a key). */
export function blindEvaluate(secretScalar, blindedElement) {
  return Point.fromBytes(blindedElement).multiply(leToNumber(secretScalar)).toBytes();
}

/** The index key of DESIGN: the first 16 bytes of the output, and its range prefix/suffix. */
export function indexKey(output) {
  const hex = toHex(output.subarray(0, INDEX_KEY_BYTES));
  return { hex, prefix: hex.slice(0, PREFIX_HEX), suffix: hex.slice(PREFIX_HEX) };
}

/** The OPRF input of an identifier: UTF-8 of `kind ":" value`. */
export function encodeIdentifier(kind, value) {
  return encoder.encode(`${kind}:${value}`);
}

export { numberToLe32 as scalarToBytes };
