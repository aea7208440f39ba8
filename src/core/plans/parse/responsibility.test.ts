// Unit notations copied from the plans (file named); the expected roles were assigned by hand following
// each notation's own convention.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNotation, isUnitContent } from './notation.ts';
import { parseUnits, readLeadRule } from './responsibility.ts';

function roles(content: string, inherited = readLeadRule('')) {
  const r = parseUnits(content, inherited);
  return { lead: r.lead, cooperating: r.cooperating, supporting: r.supporting, responsible: r.responsible, notation: r.notation };
}

test('（X牵头，Y等按职责分工负责）(万盛)', () => {
  assert.deepEqual(roles('经济信息局牵头，发展改革局、平山园区管委会等按职责分工负责'), {
    lead: ['经济信息局'], cooperating: ['发展改革局', '平山园区管委会'], supporting: [], responsible: [], notation: 'lead_and_others' });
  assert.deepEqual(roles('发展改革局、经济信息局牵头，生态环境局、平山园区管委会等按照职责分工负责').lead, ['发展改革局', '经济信息局']);
  assert.deepEqual(roles('区碳达峰碳中和工作领导小组办公室牵头，各有关部门按职责分工负责').cooperating, ['各有关部门']);
});

test('units named without a lead (万盛, 江西, 岳阳)', () => {
  assert.deepEqual(roles('发展改革局、经济信息局、财政局、交通局、商务局、文化旅游局等按职责分工负责').responsible,
    ['发展改革局', '经济信息局', '财政局', '交通局', '商务局', '文化旅游局']);
  assert.deepEqual(roles('省碳达峰碳中和工作领导小组办公室，有关市、县〔区〕人民政府等按职责分工负责'), {
    lead: [], cooperating: [], supporting: [], responsible: ['省碳达峰碳中和工作领导小组办公室', '有关市', '县〔区〕人民政府'], notation: 'responsible_only' });
  assert.deepEqual(roles('市直派驻各单位，区直各单位，各乡镇、管理处按职责分工负责').responsible, ['市直派驻各单位', '区直各单位', '各乡镇', '管理处']);
});

test('（责任单位：…）(宁夏, 上海) and a bare list (宁夏)', () => {
  assert.deepEqual(roles('责任单位：宁东管委会，自治区发展改革委、工业和信息化厅、交通运输厅'), {
    lead: [], cooperating: [], supporting: [], responsible: ['宁东管委会', '自治区发展改革委', '工业和信息化厅', '交通运输厅'], notation: 'responsible_label' });
  assert.deepEqual(roles('自治区工业和信息化厅、发展改革委、科技厅、住房和城乡建设厅、市场监管厅'), {
    lead: [], cooperating: [], supporting: [], responsible: ['自治区工业和信息化厅', '发展改革委', '科技厅', '住房和城乡建设厅', '市场监管厅'], notation: 'bare_list' });
});

test('责任单位：A、B；C、D；两省市列首位的为牵头单位，下同 (成渝) and its carry-over', () => {
  const first = parseUnits('责任单位：重庆市能源局、市经济信息委；四川省能源局、经济和信息化厅；两省市列首位的为牵头单位，下同');
  assert.deepEqual([first.lead, first.cooperating, first.notation], [['重庆市能源局', '四川省能源局'], ['市经济信息委', '经济和信息化厅'], 'group_first_lead']);
  assert.deepEqual(first.rule, { kind: 'first_in_group', groups: 2, sticky: true });
  const later = parseUnits('责任单位：重庆市交通局、市发展改革委、市公安局；四川省交通运输厅、省发展改革委、公安厅；中国铁路成都局集团公司', first.rule);
  assert.deepEqual(later.lead, ['重庆市交通局', '四川省交通运输厅']);
  assert.deepEqual(later.cooperating, ['市发展改革委', '市公安局', '省发展改革委', '公安厅', '中国铁路成都局集团公司']);
});

test('［责任单位：A、B，C；逗号前为牵头单位，下同］(成都) and its carry-over', () => {
  const first = parseUnits('责任单位：市经信局、市生态环境局、市市场监管局，各区（市）县政府（管委会）；逗号前为牵头单位，下同');
  assert.deepEqual([first.lead, first.cooperating, first.notation], [['市经信局', '市生态环境局', '市市场监管局'], ['各区（市）县政府（管委会）'], 'comma_lead']);
  const later = parseUnits('责任单位：市经信局、市发改委，彭州市、金堂县、大邑县政府', first.rule);
  assert.deepEqual([later.lead, later.cooperating], [['市经信局', '市发改委'], ['彭州市', '金堂县', '大邑县政府']]);
});

test('牵头 / 配合 / 支持 (广州)', () => {
  assert.deepEqual(roles('花都区、黄埔区、南沙区政府牵头，市委金融办、市发展改革委、市生态环境局配合，中国人民银行广东省分行、国家金融监督管理总局广东监管局支持'), {
    lead: ['花都区', '黄埔区', '南沙区政府'], cooperating: ['市委金融办', '市发展改革委', '市生态环境局'],
    supporting: ['中国人民银行广东省分行', '国家金融监督管理总局广东监管局'], responsible: [], notation: 'roles' });
  assert.deepEqual(roles('市委金融办、市财政局按职责分工落实，中国人民银行广东省分行支持').responsible, ['市委金融办', '市财政局']);
  assert.deepEqual(roles('中国人民银行广东省分行、广东证监局支持，市委金融办、市财政局配合').cooperating, ['市委金融办', '市财政局']);
});

test('labelled lines and in-place marks (conventions of other plans)', () => {
  assert.deepEqual(roles('牵头单位：市发展改革委；配合单位：市经信局、市住建局'), {
    lead: ['市发展改革委'], cooperating: ['市经信局', '市住建局'], supporting: [], responsible: [], notation: 'roles' });
  assert.deepEqual(roles('责任单位：市发展改革委（牵头）、市经信局').lead, ['市发展改革委']);
});

test('damaged notation without its closing bracket (岳阳)', () => {
  const p = '3.实施节能降碳重点工程。鼓励用能企业采用合同能源管理模式，加强节能降碳提效。（区产业发展局牵头，区经济合作帧⑶建设局、区城管局、区开建投公司等按照职责分工负����';
  const n = findNotation(p);
  assert.ok(n && !n.closed);
  const r = parseUnits(n.content);
  assert.deepEqual([r.lead, r.cooperating, r.damaged], [['区产业发展局'], ['区经济合作帧⑶建设局', '区城管局', '区开建投公司'], ['区经济合作帧⑶建设局']]);
});

test('finding the notation at the end of a paragraph', () => {
  const p = '推动农业绿色低碳循环发展。到2025年，建成5个智慧农业示范点。（农林局牵头，商务局、发展改革局等按职责分工负责）';
  assert.equal(findNotation(p)?.content, '农林局牵头，商务局、发展改革局等按职责分工负责');
  assert.equal(findNotation('推进乙。（发展改革局、商务局牵头，经济信息局等按职责分工负责。）')?.content, '发展改革局、商务局牵头，经济信息局等按职责分工负责。');
  assert.equal(findNotation('比例（不含摩托车）达到40%左右。'), null);
  assert.equal(findNotation('加强国际合作（含港澳）'), null);
  assert.ok(!isUnitContent('以下简称“两高一低”项目'));
  assert.equal(findNotation('责任单位：市发展改革委、市经信局')?.content, '责任单位：市发展改革委、市经信局');
});
