// Front matters built from the plans' own lines (file named); expected metadata read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMetadata } from './metadata.ts';
import { splitParagraphs } from './outline.ts';
import { completeRegion, regionPrefix } from './region.ts';

function meta(text: string) {
  const paras = splitParagraphs(text);
  const first = paras.findIndex((p) => /^一、/.test(p.text));
  return readMetadata(paras, first < 0 ? paras.length : first, text);
}

test('notice, 文号, issuer, date, title (泸州)', () => {
  const m = meta('近日，泸州市人民政府发布《关于泸州市碳达峰实施方案的通知》。\n泸州市人民政府关于印发泸州市碳达峰实施方案的通知\n泸市府发〔2024〕2号\n各区县人民政府，各园区管委会：\n泸州市人民政府\n2024年1月19日\n泸州市碳达峰实施方案\n为深入贯彻……制定本方案。\n一、总体要求');
  assert.deepEqual([m.title, m.region, m.issuers, m.docNumber, m.issued, m.status], ['泸州市碳达峰实施方案', '泸州市', ['泸州市人民政府'], '泸市府发〔2024〕2号', '2024-01-19', 'final']);
});

test('two issuers (成渝); draft status and completed region (宁夏); trial (南京江北)', () => {
  const c = meta('重庆市人民政府办公厅\n四川省人民政府办公厅\n关于印发成渝地区双城经济圈碳达峰碳中和联合行动方案的通知\n渝府办发〔2022〕22号\n2022年2月15日\n成渝地区双城经济圈碳达峰碳中和联合行动方案\n一、总体要求');
  assert.deepEqual([c.issuers, c.region, c.issued], [['重庆市人民政府办公厅', '四川省人民政府办公厅'], '成渝地区双城经济圈', '2022-02-15']);
  const n = meta('宁夏回族自治区发展改革委会同相关厅局成立工作专班，研究制定了方案。\n自治区碳达峰实施方案（征求意见稿）\n一、总体要求\n宁夏回族自治区');
  assert.deepEqual([n.title, n.region, n.status], ['自治区碳达峰实施方案（征求意见稿）', '宁夏回族自治区', 'draft']);
  const j = meta('南京江北新区碳达峰、碳中和行动计划\n（试行）\n为积极响应……制定本计划。\n一、总体要求');
  assert.deepEqual([j.title, j.region, j.status], ['南京江北新区碳达峰、碳中和行动计划（试行）', '南京江北新区', 'trial']);
});

test('title in 《》 and region from the issuer (石家庄); 文号 without brackets (广州)', () => {
  const s = meta('中共石家庄市委\n石家庄市人民政府\n《关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施方案》\n实现碳达峰……\n一、指导思想');
  assert.deepEqual([s.title, s.region], ['关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施方案', '石家庄市']);
  const g = meta('穗金委办20242号中共广州市委金融委员会办公室关于印发广州市发展绿色金融支持碳达峰行动实施方案的通知\n中共广州市委金融委员会办公室\n2024年4月3日\n广州市发展绿色金融支持碳达峰行动实施方案\n一、总体要求');
  assert.deepEqual([g.docNumber, g.docNumberRebuilt, g.issuers, g.issued], ['穗金委办20242号', '穗金委办〔2024〕2号', ['中共广州市委金融委员会办公室'], '2024-04-03']);
});

test('no title and no region when the text starts with its preamble (岳阳)', () => {
  const y = meta('为深入贯彻党中央、国务院……根据《国务院关于印发2030年前碳达峰行动方案的通知》（国发〔2021〕23号）……特制定本实施方案。\n一、总体要求');
  assert.deepEqual([y.title, y.region, y.docNumber], [null, null, null]);
});

test('region names', () => {
  assert.equal(regionPrefix('重庆市万盛经开区碳达峰实施方案'), '重庆市万盛经开区');
  assert.equal(regionPrefix('成都市优化能源结构促进城市绿色低碳发展行动方案'), '成都市');
  assert.equal(regionPrefix('中共石家庄市委'), '石家庄市');
  assert.equal(completeRegion('自治区', '宁夏回族自治区发展改革委……宁夏'), '宁夏回族自治区');
  assert.equal(completeRegion('省', '没有省名'), '省');
});
