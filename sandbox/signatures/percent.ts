// Percent-encoding as both gateways define it for signing (RFC 3986): every UTF-8 byte is written
// as %XX (upper-case hex) except the unreserved characters A-Z a-z 0-9 - _ . ~; a space is %20,
// never "+". Written byte by byte from the vendors' docs, apart from core/signing: the sandbox is
// the oracle that checks core's signatures, so it must not share their code.

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x5f || // _
    byte === 0x2e || // .
    byte === 0x7e // ~
  );
}

export function rfc3986Encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Byte order of the UTF-8 names (Java's TreeMap order for the ASCII names the APIs use). */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
