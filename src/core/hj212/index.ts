/**
 * HJ 212 (HJ/T 212-2005, HJ 212-2017, HJ 212-2025 as far as known) protocol codec: pure functions and
 * classes, no I/O, no clock. See README.md.
 */
export { crc16Hj212, crc16Modbus, crcHex } from './crc.ts';
export {
  FrameSplitter, decodeFrame, encodeFrame, MAX_SEGMENT_BYTES,
  type Frame, type FrameOptions, type SplitterOptions, type SplitEvent, type SplitterStats,
} from './frame.ts';
export { parsePacket, findFactor, type Packet, type ParseOptions } from './packet.ts';
export { parseNumber, type CpItem, type FactorReading } from './cp.ts';
export { decodeFlag, encodeFlag, VERSION_NAMES, type FlagInfo, type ProtocolVersion } from './flag.ts';
export {
  needsAck, needsNotifyAck, replyFlag, dataAck, notifyAck, requestReply, executionResult, readResponse,
  type AckPolicy, type ReplyStyle, type DeviceResponse,
} from './reply.ts';
export {
  targetOf, hostCommand, setTimeoutRetry, getSystemTime, setSystemTime, answerTimeCalibration,
  getRtdInterval, setRtdInterval, getMinInterval, setMinInterval, MIN_INTERVALS, setPassword,
  startRealtime, stopRealtime, startRunState, stopRunState, getHistory, instrumentCommand, retainSample,
  setSamplingPeriod, getFieldInfo, initialisationCommands,
  type DeviceTarget, type InitialisationSettings,
} from './commands.ts';
export { encodeUpload, encodeUploadParts, formatNumber, type UploadInput, type ReadingInput } from './encode.ts';
export { buildSegment, cpText, type SegmentHeader } from './segment.ts';
export { SubpacketAssembler, type AssemblerOptions, type AssembledPacket, type AddResult } from './subpacket.ts';
export {
  SYSTEM_CODES, COMMAND_CODES, QN_RTN, EXE_RTN, DATA_FLAGS, commandCode, systemCode,
  type SystemCode, type CommandCode, type DeviceRole, type Text,
} from './codes.ts';
export {
  CARBON_FACTOR_CODES, PROCESS_FACTOR_PATTERNS, lookupFactor,
  type FactorCode, type ProcessFactorPattern, type FactorLookup,
} from './factors.ts';
export {
  NUMERIC_SUFFIXES, TEXT_SUFFIXES, SUFFIX_MEANINGS, CP_KEYS, HEADER_KEYS,
  type NumericSuffix, type TextSuffix, type Suffix,
} from './fields.ts';
export { isHj212Time, formatHj212Time, formatQn, parseHj212Time, CST_OFFSET_MINUTES } from './time.ts';
export { hjIssue, toDomainError, type Hj212Issue, type Hj212IssueCode, type Result } from './issues.ts';
