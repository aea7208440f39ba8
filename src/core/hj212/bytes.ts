/** Byte helpers shared by the framer, the CRC and the packet parser. HJ 212 counts UTF-8 bytes (digest A.3). */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Lenient decode: invalid sequences become U+FFFD (callers warn about it, never crash). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

export const HASH = 0x23; // '#'
export const CR = 0x0d;
export const LF = 0x0a;
export const AMP = 0x26; // '&'

export function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

export function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/** Printable excerpt of raw bytes for logs and error details (never the whole hostile payload). */
export function excerpt(bytes: Uint8Array, start: number, end: number, max = 48): string {
  const stop = Math.min(end, start + max);
  const text = fromUtf8(bytes.subarray(start, stop)).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return stop < end ? `${text}…` : text;
}

/** ASCII view of a few raw bytes (e.g. a CRC position) for error details: other bytes as \xNN. */
export function printable(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}
