// Just enough of RFC 5322 / MIME to show a saved e-mail (.eml) to its reader: From, Subject and
// the first text part, decoded. The server analyses the raw bytes; this is display only.

const decoderFor = (charset) => {
  try {
    return new TextDecoder(charset || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
};

function bytesOfBinaryString(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function fromBase64(text) {
  try {
    return bytesOfBinaryString(atob(text.replace(/[^A-Za-z0-9+/=]/g, '')));
  } catch {
    return new Uint8Array();
  }
}

function fromQuotedPrintable(text, underscoreIsSpace = false) {
  const source = underscoreIsSpace ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const out = [];
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(source.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** RFC 2047 encoded words (=?charset?B|Q?...?=) in a header value. */
export function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, encoding, text) => {
      const bytes = encoding.toUpperCase() === 'B' ? fromBase64(text) : fromQuotedPrintable(text, true);
      return decoderFor(charset.split('*')[0]).decode(bytes);
    });
}

function splitHeaders(text) {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const body = match ? text.slice(match.index + match[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
    }
  }
  return { headers, body };
}

function param(value, name) {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value || '');
  return match ? match[1] ?? match[2] : '';
}

function decodeBody(part, raw) {
  const type = (part.headers['content-type'] || 'text/plain').toLowerCase();
  const encoding = (part.headers['content-transfer-encoding'] || '').trim().toLowerCase();
  const charset = param(part.headers['content-type'], 'charset');
  let bytes;
  if (encoding === 'base64') bytes = fromBase64(part.body);
  else if (encoding === 'quoted-printable') bytes = fromQuotedPrintable(part.body);
  else bytes = raw ? bytesOfBinaryString(part.body) : null;
  let text = bytes ? decoderFor(charset).decode(bytes) : part.body;
  if (type.startsWith('text/html')) {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    for (const node of doc.querySelectorAll('script, style, head')) node.remove();
    for (const a of doc.querySelectorAll('a[href]')) a.append(` <${a.getAttribute('href')}>`);
    text = (doc.body?.innerText ?? doc.body?.textContent ?? '').replace(/\n{3,}/g, '\n\n');
  }
  return text.trim();
}

function textPart(part, raw, depth = 0) {
  const type = (part.headers['content-type'] || 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 5) {
    const boundary = param(part.headers['content-type'], 'boundary');
    if (!boundary) return '';
    const pieces = part.body.split(`--${boundary}`).slice(1);
    const parts = pieces.filter((p) => !p.startsWith('--')).map((p) => splitHeaders(p.replace(/^\r?\n/, '')));
    for (const wanted of ['text/plain', 'text/html', 'multipart/']) {
      for (const p of parts) {
        if ((p.headers['content-type'] || 'text/plain').toLowerCase().startsWith(wanted)) {
          const text = textPart(p, raw, depth + 1);
          if (text) return text;
        }
      }
    }
    return '';
  }
  if (type.startsWith('text/')) return decodeBody(part, raw);
  return '';
}

/** {from, subject, text} of a saved e-mail's bytes. */
export function readEml(bytes) {
  // Latin-1 keeps every byte as one code unit, so encoded bodies decode with their own charset.
  const raw = new TextDecoder('latin1').decode(bytes);
  const message = splitHeaders(raw);
  return {
    from: decodeWords(message.headers.from || ''),
    subject: decodeWords(message.headers.subject || ''),
    text: textPart(message, true),
  };
}
