/**
 * The Flag field (HJ 212-2017 §6.3.2; digest A.6): bits V5..V0 D A.
 *   A (bit 0) = the command needs an answer; D (bit 1) = PNUM/PNO present; V = Flag >> 2 is the protocol
 *   version: 0 = HJ/T 212-2005, 1 = HJ 212-2017, 2 = HJ 212-2025 (secondary sources, digest A.13).
 */

export type ProtocolVersion = '2005' | '2017' | '2025' | 'unknown';

export const VERSION_NAMES: Record<ProtocolVersion, string> = {
  '2005': 'HJ/T 212-2005',
  '2017': 'HJ 212-2017',
  '2025': 'HJ 212-2025',
  unknown: 'unknown',
};

const BY_BITS: ProtocolVersion[] = ['2005', '2017', '2025'];

export interface FlagInfo {
  /** the Flag value as received, 0–255 */
  value: number;
  /** Flag >> 2 */
  versionBits: number;
  version: ProtocolVersion;
  /** bit A: the sender wants an answer (9014 for uploads, 9013 for notifies) */
  needsAck: boolean;
  /** bit D: the packet is one of several sub-packets (PNUM/PNO) */
  hasSubpackets: boolean;
}

export function decodeFlag(value: number): FlagInfo {
  const versionBits = value >> 2;
  return {
    value,
    versionBits,
    version: BY_BITS[versionBits] ?? 'unknown',
    needsAck: (value & 1) === 1,
    hasSubpackets: (value & 2) === 2,
  };
}

export function versionBitsOf(version: ProtocolVersion): number {
  const bits = BY_BITS.indexOf(version);
  return bits < 0 ? 1 : bits; // 'unknown' is written as 2017, the version every peer understands
}

export function encodeFlag(opts: { version: ProtocolVersion; needsAck?: boolean; hasSubpackets?: boolean }): number {
  return (versionBitsOf(opts.version) << 2) | (opts.hasSubpackets ? 2 : 0) | (opts.needsAck ? 1 : 0);
}
