// The store gives byte offsets into UTF-8 text; JavaScript strings count
// UTF-16 code units. toUtf16(text) returns a function from a byte offset to
// the index of the character holding that byte (text.length past the end).

export function utf8Length(cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

export function toUtf16(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const map = new Uint32Array(bytes + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const n = utf8Length(cp);
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    i += cp > 0xffff ? 2 : 1;
  }
  map[bytes] = text.length;
  return (byteOffset) => {
    const o = Math.trunc(Number(byteOffset));
    if (!Number.isFinite(o) || o <= 0) return 0;
    if (o >= bytes) return text.length;
    return map[o];
  };
}
