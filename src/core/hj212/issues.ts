/**
 * The codec's problems, as data: every error or warning carries a stable `code` plus Chinese and English
 * text, in the project's `Issue` shape (src/core/errors.ts). Parsers return them; they never throw for
 * bad wire input.
 */
import { DomainError, type Issue } from '../errors.ts';

const MESSAGES = {
  // framing (errors unless noted)
  non_digit_length: ['长度字段不是4位十进制数字', 'length field is not 4 decimal digits'],
  oversize: ['数据段长度超过上限', 'data segment length exceeds the limit'],
  bad_length: ['声明的数据段长度与实际不符', 'declared length does not match the data segment'],
  bad_crc: ['CRC 校验错误', 'CRC mismatch'],
  missing_crlf: ['缺少包尾 CRLF', 'missing CRLF trailer'],
  truncated: ['数据流在帧内结束', 'stream ended inside a frame'],
  too_many_errors: ['连续帧错误过多，应断开连接', 'too many consecutive framing errors; drop the connection'],
  trailing_bytes: ['帧后有多余字节', 'extra bytes after the frame'],
  not_a_frame: ['不是以 ## 开头的帧', 'input does not start with ##'],
  crc_modbus: ['CRC 按 CRC-16/MODBUS 计算（按配置接受）', 'CRC is CRC-16/MODBUS (accepted by configuration)'],
  length_in_chars: ['长度按字符而非 UTF-8 字节计算（按配置接受）', 'length counts characters, not UTF-8 bytes (accepted by configuration)'],
  // data segment: errors
  empty_segment: ['数据段为空', 'data segment is empty'],
  no_cp: ['数据段缺少 CP=&&', 'data segment has no CP=&&'],
  missing_cn: ['缺少命令编码 CN', 'command code CN is missing'],
  // data segment: warnings
  invalid_utf8: ['数据段含无效的 UTF-8 字节', 'data segment contains invalid UTF-8'],
  cp_unterminated: ['CP 缺少结尾 &&', 'CP has no closing &&'],
  trailing_after_cp: ['CP 结尾 && 之后还有内容', 'text after the closing && of CP'],
  key_case: ['字段名大小写不规范', 'field name has non-standard letter case'],
  unknown_header_key: ['未知的包头字段', 'unknown header field'],
  duplicate_key: ['字段重复，取最后一个值', 'duplicate field; the last value is kept'],
  bad_qn: ['请求编码 QN 不是17位数字', 'request id QN is not 17 digits'],
  bad_st: ['系统编码 ST 格式不规范', 'system code ST is malformed'],
  bad_cn: ['命令编码 CN 不是4位数字', 'command code CN is not 4 digits'],
  unknown_cn: ['命令编码不在标准表中', 'command code is not in the standard table'],
  bad_flag: ['Flag 不是 0–255 的整数，按无 Flag 处理', 'Flag is not an integer 0-255; treated as absent'],
  unknown_version: ['Flag 中的协议版本号未知', 'unknown protocol version in Flag'],
  missing_mn: ['缺少设备唯一标识 MN', 'device id MN is missing'],
  subpacket_fields_missing: ['Flag 表示分包但缺少 PNUM/PNO，按单包处理', 'Flag says sub-packet but PNUM/PNO are missing; treated as a single packet'],
  bad_subpacket: ['PNUM/PNO 无效', 'invalid PNUM/PNO'],
  subpacket_without_d: ['有 PNUM/PNO 但 Flag 的 D 位为0', 'PNUM/PNO present but Flag bit D is 0'],
  item_without_equals: ['CP 中的项缺少 =', 'CP item has no ='],
  empty_key: ['CP 中的项缺少字段名', 'CP item has an empty key'],
  bad_factor_key: ['因子字段名不是 编码-后缀 形式', 'factor key is not CODE-Suffix'],
  unknown_suffix: ['未知的因子字段后缀', 'unknown factor suffix'],
  unknown_cp_key: ['未知的 CP 字段', 'unknown CP field'],
  bad_number: ['数值无法解析', 'value is not a number'],
  empty_value: ['值为空', 'value is empty'],
  bad_time: ['时间不是有效的 YYYYMMDDhhmmss', 'time is not a valid YYYYMMDDhhmmss'],
  time_ms: ['时间带毫秒（17位），已截为14位', 'time has milliseconds (17 digits); truncated to 14'],
  unterminated_info: ['// 开头的文本缺少结尾 //', 'text opened with // is not closed'],
  // sub-packet reassembly (warnings on the assembled packet)
  subpacket_incomplete: ['分包不完整', 'sub-packets missing'],
  subpacket_evicted: ['分包缓存已满，最早的一组被提前输出', 'sub-packet buffer full; the oldest set was flushed'],
  // encoding (thrown as DomainError: programming errors, not wire input)
  encode_invalid: ['无法编码', 'cannot encode'],
} as const satisfies Record<string, readonly [string, string]>;

export type Hj212IssueCode = keyof typeof MESSAGES;

/** An error or warning of the codec: the project's `Issue` plus a stable code. */
export interface Hj212Issue extends Issue {
  code: Hj212IssueCode;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Hj212Issue[] };

/** Builds an issue; `detail` is appended to the standard message (e.g. the offending value). */
export function hjIssue(
  code: Hj212IssueCode,
  detail?: { zh: string; en: string } | string,
  field?: string,
): Hj212Issue {
  const [zh, en] = MESSAGES[code];
  const d = typeof detail === 'string' ? { zh: detail, en: detail } : detail;
  const out: Hj212Issue = {
    code,
    zh: d ? `${zh}：${d.zh}` : zh,
    en: d ? `${en}: ${d.en}` : en,
  };
  if (field !== undefined) out.field = field;
  return out;
}

/** For the HTTP layer: the errors of a failed result as the project's DomainError. */
export function toDomainError(errors: Hj212Issue[]): DomainError {
  const first = errors[0] ?? hjIssue('empty_segment');
  return new DomainError(
    `hj212_${first.code}`,
    { zh: first.zh, en: first.en, field: first.field },
    errors.map(({ field, zh, en }) => ({ field, zh, en })),
  );
}

/** Encoders throw this: their input is program data, so bad input is a bug, not a wire condition. */
export function encodeError(field: string, zh: string, en: string): DomainError {
  return new DomainError('hj212_encode_invalid', { field, zh: `${field}：${zh}`, en: `${field}: ${en}` });
}
