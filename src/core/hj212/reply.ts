/**
 * Replies (digest A.10): the platform's 9014 data acknowledgement and 9013 notify acknowledgement, the
 * device-side 9011 request reply and 9012 execution result (for simulators and tests), and reading the
 * device's 9011/9012/9013/9014 when the platform is the requester.
 *
 * Replies echo the incoming QN, PW and MN, carry ST=91 and Flag = incoming Flag & ~3 (the sender's version
 * bits, A=0, D=0). Builders return the data segment; `encodeFrame` frames it.
 */
import { commandCode, EXE_RTN, QN_RTN, type Text } from './codes.ts';
import type { Packet } from './packet.ts';
import { buildSegment, cpText, type SegmentHeader } from './segment.ts';

export interface AckPolicy {
  /** Answer A=1 packets whose CN is in no code table (vendor codes; digest A.10.5: operator opt-in). */
  ackUnknownCn?: boolean;
  /** Treat a packet without Flag as asking for an answer (some 2005 device families; default false). */
  ackWithoutFlag?: boolean;
}

/**
 * 'standard': the HJ 212-2017 form, `QN=…;ST=91;CN=90xx;PW=…;MN=…;Flag=…;CP=&&…&&`.
 * 'legacy2005': HJ/T 212-2005 forms with the QN inside CP, copied literally from the digest A.10.4
 * (partly verified; opt-in per device family).
 */
export type ReplyStyle = 'standard' | 'legacy2005';

function wantsAnswer(packet: Packet, policy: AckPolicy): boolean {
  return packet.flag ? packet.flag.needsAck : policy.ackWithoutFlag === true;
}

/**
 * Does this packet get a 9014? Only uploads (2011, 2051, 2061, 2031, 2041, 2021, 2081, 3015–3020, 1011/
 * 1061/1063 answers, …) whose Flag has bit A set. Never for a 90xx, a heartbeat or a 1013 notify (9013).
 * Sub-packets are answered one by one, each with its own QN.
 */
export function needsAck(packet: Packet, policy: AckPolicy = {}): boolean {
  if (!wantsAnswer(packet, policy)) return false;
  const code = commandCode(packet.cn);
  if (code) return code.deviceRole === 'upload';
  return policy.ackUnknownCn === true && !packet.cn.startsWith('90');
}

/** Does this packet get a 9013? The device's 1013 time-calibration notify, when bit A is set. */
export function needsNotifyAck(packet: Packet, policy: AckPolicy = {}): boolean {
  return commandCode(packet.cn)?.deviceRole === 'notify' && wantsAnswer(packet, policy);
}

/** The reply's Flag: the incoming version bits with A and D cleared (a 2017 device gets 4, 2025 gets 8). */
export function replyFlag(packet: Packet): number | undefined {
  return packet.flag ? packet.flag.value & ~3 : undefined;
}

function standard(packet: Packet, cn: string, cp: string): string {
  const h: SegmentHeader = { qn: packet.qn, st: '91', cn, pw: packet.pw, mn: packet.mn, flag: replyFlag(packet) };
  return buildSegment(h, cp);
}

function legacyQn(packet: Packet): string {
  return packet.qn ?? packet.params.QN ?? '';
}

/**
 * 9014 data acknowledgement for `packet` (call only when `needsAck`). Variants: 'standard' `CP=&&&&`
 * (HJ 212-2017 C.16 answer, vector ack-9014-std-c241); 'qnrtn' `CP=&&QnRtn=1&&` (vendor variant, vector
 * ack-9014-flag9-qnrtn); 'legacy2005' `ST=91;CN=9014;CP=&&QN=…;CN=…&&` (digest A.10.4, weakest evidence).
 */
export function dataAck(packet: Packet, variant: 'standard' | 'qnrtn' | 'legacy2005' = 'standard'): string {
  if (variant === 'legacy2005') {
    return buildSegment({ st: '91', cn: '9014' }, cpText([[['QN', legacyQn(packet)]], [['CN', packet.cn]]]));
  }
  return standard(packet, '9014', variant === 'qnrtn' ? 'QnRtn=1' : '');
}

/** 9013 notify acknowledgement (answer to the device's 1013; HJ 212-2017 C.4 prints `CP=&& &&`). */
export function notifyAck(packet: Packet, style: ReplyStyle = 'standard'): string {
  if (style === 'legacy2005') {
    return buildSegment({ st: '91', cn: '9013', pw: packet.pw, mn: packet.mn }, cpText([[['QN', legacyQn(packet)]]]));
  }
  return standard(packet, '9013', '');
}

/** 9011 request reply, sent by the device that received `request` (C.1). QnRtn 1 = will execute. */
export function requestReply(request: Packet, qnRtn: number, style: ReplyStyle = 'standard'): string {
  if (style === 'legacy2005') {
    const cp = cpText([[['QN', legacyQn(request)]], [['QnRtn', String(qnRtn)]]]);
    return buildSegment({ st: '91', cn: '9011', pw: request.pw, mn: request.mn, flag: 0 }, cp);
  }
  return standard(request, '9011', `QnRtn=${qnRtn}`);
}

/** 9012 execution result, sent by the device after executing `request` (C.1). ExeRtn 1 = success. */
export function executionResult(request: Packet, exeRtn: number, style: ReplyStyle = 'standard'): string {
  if (style === 'legacy2005') {
    const cp = cpText([[['QN', legacyQn(request)]], [['ExeRtn', String(exeRtn)]]]);
    return buildSegment({ st: '91', cn: '9012', pw: request.pw, mn: request.mn }, cp);
  }
  return standard(request, '9012', `ExeRtn=${exeRtn}`);
}

export type DeviceResponse =
  | { kind: 'request_reply'; qn?: string; code?: number; accepted: boolean; meaning?: Text }
  | { kind: 'execution_result'; qn?: string; code?: number; success: boolean; meaning?: Text }
  | { kind: 'notify_ack'; qn?: string }
  | { kind: 'data_ack'; qn?: string };

/**
 * What a device's 90xx says about the platform's request with the same QN (top-level, or inside CP in
 * 2005 replies). Undefined for any other CN. A QnRtn other than 1 means: abort the exchange (A.10.3).
 */
export function readResponse(packet: Packet): DeviceResponse | undefined {
  const qn = packet.qn ?? packet.params.QN;
  const num = (key: string): number | undefined => {
    const v = packet.params[key]?.trim();
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  switch (packet.cn) {
    case '9011': {
      const code = num('QnRtn');
      return { kind: 'request_reply', qn, code, accepted: code === 1, meaning: code === undefined ? undefined : QN_RTN[code] };
    }
    case '9012': {
      const code = num('ExeRtn');
      return { kind: 'execution_result', qn, code, success: code === 1, meaning: code === undefined ? undefined : EXE_RTN[code] };
    }
    case '9013':
      return { kind: 'notify_ack', qn };
    case '9014':
      return { kind: 'data_ack', qn };
    default:
      return undefined;
  }
}
