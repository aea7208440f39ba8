/**
 * Metadata of a plan from its front matter (the lines before the body: web-page chrome, the notice
 * `关于印发…的通知`, its 文号, issuing bodies and date) and its title line: title, region, issuers,
 * document number, issue date, status (征求意见稿 → draft, 试行 → trial).
 */
import type { PlanStatus } from '../types.ts';
import type { Paragraph } from './outline.ts';
import { parseChineseDate } from './numbers.ts';
import { completeRegion, regionPrefix } from './region.ts';

export interface Metadata {
  title: string | null;
  /** Paragraph index of the title line (the body starts after it), or -1. */
  titlePara: number;
  region: string | null;
  issuers: string[];
  docNumber: string | null;
  /** Set when the 文号 lost its brackets and was rebuilt (`穗金委办20242号` → `穗金委办〔2024〕2号`). */
  docNumberRebuilt: string | null;
  issued: string | null;
  status: PlanStatus;
}

const PLAN_WORD = /(实施方案|行动方案|工作方案|方案|行动计划|工作计划|计划|实施意见|意见|规划|纲要|办法|措施|细则)$/;
const STATUS_PAREN = /[（(](试行|暂行|征求意见稿|草案|送审稿|修订稿)[）)]$/;
const ISSUER = /^(中共)?[\u4e00-\u9fff（）]{2,30}?(人民政府办公厅|人民政府办公室|人民政府|管理委员会|管委会|委员会办公室|委员会|办公厅|办公室|党委|工委|市委|省委|区委|县委|州委|发展和改革委员会|发展改革委|局|厅)$/;
const DOC_NO = /^([\u4e00-\u9fff]{2,12}?)([〔［【（])?((?:19|20)\d{2})([〕］】）])?(\d{1,4})号/;

function isTitleLine(line: string): boolean {
  const s = line.replace(/^《|》$/g, '').replace(STATUS_PAREN, '');
  if (s.length < 6 || s.length > 80 || /[：|｜>，。；]/.test(line)) return false;
  if (/^(关于印发|印发|转发)/.test(s) || /的通知$/.test(s) || /^《.*》[^》]/.test(line)) return false;
  return PLAN_WORD.test(s);
}

function cleanTitle(line: string): string {
  return line.replace(/^《/, '').replace(/》$/, '').replace(/^《(.*)》([（(].*[）)])$/, '$1$2').trim();
}

/** Reads the metadata. `firstHeading` is the index of the first top-level heading paragraph (or paras.length). */
export function readMetadata(paras: Paragraph[], firstHeading: number, text: string): Metadata {
  const front = paras.slice(0, Math.max(0, firstHeading));
  let titlePara = -1;
  for (const p of front) if (isTitleLine(p.text)) titlePara = p.index;
  let title = titlePara >= 0 ? cleanTitle(paras[titlePara].text) : null;
  const next = titlePara >= 0 ? paras[titlePara + 1] : undefined;
  if (title && next && /^[（(](试行|暂行|征求意见稿|草案|送审稿)[）)]$/.test(next.text)) {
    title += next.text;
    titlePara = next.index;
  }
  const issuers: string[] = [];
  let docNumber: string | null = null;
  let docNumberRebuilt: string | null = null;
  let issued: string | null = null;
  const head = titlePara >= 0 ? paras.slice(0, titlePara) : front;
  for (const p of head) {
    let line = p.text;
    const d = DOC_NO.exec(line);
    if (!docNumber && d && (d[0].length === line.length || /^(中共|关于)?[\u4e00-\u9fff]/.test(line.slice(d[0].length)))) {
      docNumber = d[0];
      if (!d[2] && !d[4]) docNumberRebuilt = `${d[1]}〔${d[3]}〕${d[5]}号`;
      line = line.slice(d[0].length);
    }
    const notice = /^(.{2,40}?)关于(印发|转发|发布)/.exec(line);
    if (notice && ISSUER.test(notice[1])) issuers.push(notice[1]);
    else if (ISSUER.test(line) && !/^(各|有关|市级|省级|区级)/.test(line)) issuers.push(line);
    issued ??= parseChineseDate(line);
  }
  if (!title) {
    for (const p of head) {
      const m = /关于(印发|转发)《?(.+?)》?的通知$/.exec(p.text);
      if (m) title = m[2];
    }
  }
  if (!issued) {
    for (const p of paras.slice(-12)) {
      const m = /^(.{8,14}日)(印发)?$/.exec(p.text);
      const d = m ? parseChineseDate(m[1]) : null;
      if (d) issued = d;
    }
  }
  const unique = [...new Set(issuers)].filter((x, _, all) => !all.some((y) => y !== x && y.includes(x)));
  let region = title ? regionPrefix(title) : null;
  if (!region) for (const i of unique) region ??= regionPrefix(i);
  if (region) region = completeRegion(region, text);
  const statusText = `${title ?? ''}${front.map((p) => p.text).join('')}`;
  const status: PlanStatus = /(征求意见稿|草案|送审稿)/.test(statusText) ? 'draft' : /(试行|暂行)/.test(title ?? '') ? 'trial' : 'final';
  return { title, titlePara, region, issuers: unique, docNumber, docNumberRebuilt, issued, status };
}
