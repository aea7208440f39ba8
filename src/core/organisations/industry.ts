import { DomainError } from '../errors.ts';

/**
 * GB/T 4754-2017 国民经济行业分类: a section letter (门类 A–T) and up to four digits
 * (大类 2, 中类 3, 小类 4). Each two-digit division belongs to exactly one section.
 */
export const INDUSTRY_SECTIONS: ReadonlyArray<{ letter: string; from: number; to: number; zh: string; en: string }> = [
  { letter: 'A', from: 1, to: 5, zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { letter: 'B', from: 6, to: 12, zh: '采矿业', en: 'Mining' },
  { letter: 'C', from: 13, to: 43, zh: '制造业', en: 'Manufacturing' },
  { letter: 'D', from: 44, to: 46, zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water production and supply' },
  { letter: 'E', from: 47, to: 50, zh: '建筑业', en: 'Construction' },
  { letter: 'F', from: 51, to: 52, zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { letter: 'G', from: 53, to: 60, zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { letter: 'H', from: 61, to: 62, zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { letter: 'I', from: 63, to: 65, zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { letter: 'J', from: 66, to: 69, zh: '金融业', en: 'Finance' },
  { letter: 'K', from: 70, to: 70, zh: '房地产业', en: 'Real estate' },
  { letter: 'L', from: 71, to: 72, zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { letter: 'M', from: 73, to: 75, zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { letter: 'N', from: 76, to: 79, zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management' },
  { letter: 'O', from: 80, to: 82, zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
  { letter: 'P', from: 83, to: 83, zh: '教育', en: 'Education' },
  { letter: 'Q', from: 84, to: 85, zh: '卫生和社会工作', en: 'Health and social work' },
  { letter: 'R', from: 86, to: 90, zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  { letter: 'S', from: 91, to: 96, zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  { letter: 'T', from: 97, to: 97, zh: '国际组织', en: 'International organisations' },
];

/**
 * Accepts `C3011`, `C 3011`, `3011`, `C30`, `C`; returns the canonical form (`C3011`).
 * The section letter is derived from the division when omitted; a letter that contradicts it is an error.
 */
export function parseIndustryCode(raw: string, field = 'industryCode'): string {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  const m = /^([A-T])?([0-9]{2,4})?$/.exec(s);
  const fail = (zh: string, en: string) =>
    new DomainError('invalid_industry_code', { field, zh: `行业代码“${raw}”${zh}`, en: `Industry code "${raw}" ${en}` });
  if (!s || !m || (!m[1] && !m[2])) throw fail('格式应为门类字母加2–4位数字，如 C3011', 'must be a section letter and 2–4 digits, e.g. C3011');
  if (!m[2]) return m[1];
  const division = Number(m[2].slice(0, 2));
  const section = INDUSTRY_SECTIONS.find((x) => division >= x.from && division <= x.to);
  if (!section) throw fail(`的大类 ${m[2].slice(0, 2)} 不存在（GB/T 4754-2017）`, `has no division ${m[2].slice(0, 2)} in GB/T 4754-2017`);
  if (m[1] && m[1] !== section.letter) {
    throw fail(`的大类 ${m[2].slice(0, 2)} 属于门类 ${section.letter}，而非 ${m[1]}`, `: division ${m[2].slice(0, 2)} belongs to section ${section.letter}, not ${m[1]}`);
  }
  return section.letter + m[2];
}

export function industrySection(code: string) {
  return INDUSTRY_SECTIONS.find((x) => x.letter === code[0]);
}
