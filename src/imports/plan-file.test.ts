import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { planFileText } from './plan-file.ts';

test('UTF-8 (with BOM) and GBK texts decode to the same text', async () => {
  // 中文 is D6 D0 CE C4 in GBK (GB 2312 code points 5448 and 4636).
  assert.equal(await planFileText('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('中文')])), '中文');
  assert.equal(await planFileText('a.txt', new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])), '中文');
});

test('valid UTF-8 with damaged characters (U+FFFD) stays UTF-8', async () => {
  assert.equal(await planFileText('a.txt', Buffer.from('区经济合作\uFFFD\uFFFD建设局')), '区经济合作\uFFFD\uFFFD建设局');
});

test('a .docx gives its paragraphs, entities decoded', async () => {
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>'
    + '<w:p><w:r><w:t xml:space="preserve">到2025年，</w:t></w:r><w:r><w:t>单位GDP能耗下降14.5% &amp; 更多</w:t></w:r></w:p></w:body></w:document>');
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  assert.equal(await planFileText('plan.docx', bytes), '一、总体要求\n到2025年，单位GDP能耗下降14.5% & 更多');
});

test('unreadable files are refused naming the file', async () => {
  await assert.rejects(planFileText('x.txt', new Uint8Array()), /is empty/);
  await assert.rejects(planFileText('x.pdf', Buffer.from('%PDF-1.7')), (e: Error & { zh?: string }) => /save \.doc or \.pdf/.test(e.message) && /另存为/.test(e.zh!));
  await assert.rejects(planFileText('x.docx', Buffer.from('not a zip')), /not a valid \.docx/);
  await assert.rejects(planFileText('x.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /damaged/);
  await assert.rejects(planFileText('x.bin', new Uint8Array([0xff, 0xfe, 0xfd, 0x81, 0x30, 0xff, 0xff, 0xff])), /neither UTF-8 nor GBK/);
});
