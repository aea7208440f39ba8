/**
 * HJ 212 "ANSI CRC16" (HJ 212-2017 Appendix A; kept by HJ 212-2025 per the digest A.4).
 * NOT CRC-16/MODBUS: the register is shifted right 8 bits BEFORE the byte is XORed in, so the high byte of
 * the register is dropped each step. Check values: "123456789" -> 2F80 (MODBUS gives 4B37), "" -> FFFF.
 */
import { utf8 } from './bytes.ts';

/** Table for the 8 shift/XOR rounds of one byte (same polynomial 0xA001 as the reflected MODBUS table). */
const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? utf8(data) : data;
}

/**
 * HJ 212 CRC over `data` (strings are UTF-8 encoded first). Per byte: crc = (crc >> 8) ^ b, then 8 rounds of
 * {lsb = crc & 1; crc >>= 1; if lsb crc ^= 0xA001}. The table folds the 8 rounds: after `(crc >> 8) ^ b` the
 * register fits in 8 bits, so the rounds depend on that byte only.
 */
export function crc16Hj212(data: Uint8Array | string, start = 0, end?: number): number {
  const bytes = bytesOf(data);
  const stop = end ?? bytes.length;
  let crc = 0xffff;
  for (let i = start; i < stop; i++) crc = TABLE[(crc >>> 8) ^ bytes[i]];
  return crc;
}

/** CRC-16/MODBUS, only to recognise the most common wrong CRC seen in the wild (digest A.4). Never sent. */
export function crc16Modbus(data: Uint8Array | string, start = 0, end?: number): number {
  const bytes = bytesOf(data);
  const stop = end ?? bytes.length;
  let crc = 0xffff;
  for (let i = start; i < stop; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xff];
  return crc;
}

/** Wire form: 4 upper-case hex digits, high byte first, leading zeros kept (`%04X`). */
export function crcHex(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
