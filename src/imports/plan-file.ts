import JSZip from 'jszip';
import { DomainError } from '../core/errors.ts';

/**
 * A plan document as text: UTF-8 or GB18030/GBK plain text (government files are often GBK), or a Word
 * .docx (paragraphs of word/document.xml). Anything else is refused with a clear message.
 */
export async function planFileText(name: string, bytes: Uint8Array, field = 'file'): Promise<string> {
  const fail = (zh: string, en: string) => new DomainError('unreadable_file', { field, zh: `${field}：文件“${name}”${zh}`, en: `${field}: "${name}" ${en}` });
  if (bytes.length === 0) throw fail('是空文件', 'is empty');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.docx$/i.test(name)) {
    if (!isZip) throw fail('不是有效的 .docx 文件', 'is not a valid .docx file');
    return docxText(bytes, fail);
  }
  if (/\.(doc|pdf|wps|xls|xlsx)$/i.test(name) || bytes.includes(0)) {
    throw fail('不是文本或 .docx 文件（.doc、.pdf 请先另存为 .docx 或 .txt）', 'is not text or .docx (save .doc or .pdf files as .docx or .txt first)');
  }
  // Valid UTF-8 is taken as it is, even with U+FFFD characters in it (damaged text the parser flags).
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch { /* not UTF-8: try GBK */ }
  const gbk = new TextDecoder('gb18030', { fatal: false }).decode(bytes);
  const bad = (gbk.match(/\uFFFD/g) ?? []).length;
  if (bad > gbk.length * 0.01) throw fail('既不是 UTF-8 也不是 GBK 文本', 'is neither UTF-8 nor GBK text');
  return gbk;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
  dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[name.toLowerCase()] ?? '');

async function docxText(bytes: Uint8Array, fail: (zh: string, en: string) => DomainError): Promise<string> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch {
    throw fail('无法解压（.docx 已损坏）', 'cannot be unzipped (a damaged .docx)');
  }
  if (!xml) throw fail('中没有 Word 正文（word/document.xml）', 'has no Word body (word/document.xml)');
  const paragraphs = xml.split(/<\/w:p>/).map((p) =>
    unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? m[1] : m[0] === '<w:tab/>' ? '\t' : '\n')).join('')));
  return paragraphs.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
