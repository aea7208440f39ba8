/**
 * Region names: the region a plan is for, read from the start of its title (`重庆市万盛经开区碳达峰实施方案`
 * → `重庆市万盛经开区`) or of an issuing body (`中共石家庄市委` → `石家庄市`). A bare level word
 * (`自治区碳达峰实施方案`) is completed from the text with the provincial-level names of GB/T 2260.
 */

const SUFFIX = '特别行政区|自治区|自治州|自治县|经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|新区|示范区|试验区|经济圈|城市群|都市圈|地区|省|市|州|盟|县|区|旗';
const REGION = new RegExp(`^(?:[\\u4e00-\\u9fff]{2,7}?(?:${SUFFIX}))+`);
const BARE = /^(自治区|省|市|区|县|州|本市|本省|本区|全市|全省)$/;

/** Provincial-level divisions (GB/T 2260), full name and short name. */
const PROVINCES: Array<[string, string]> = [
  ['北京市', '北京'], ['天津市', '天津'], ['河北省', '河北'], ['山西省', '山西'], ['内蒙古自治区', '内蒙古'], ['辽宁省', '辽宁'],
  ['吉林省', '吉林'], ['黑龙江省', '黑龙江'], ['上海市', '上海'], ['江苏省', '江苏'], ['浙江省', '浙江'], ['安徽省', '安徽'],
  ['福建省', '福建'], ['江西省', '江西'], ['山东省', '山东'], ['河南省', '河南'], ['湖北省', '湖北'], ['湖南省', '湖南'],
  ['广东省', '广东'], ['广西壮族自治区', '广西'], ['海南省', '海南'], ['重庆市', '重庆'], ['四川省', '四川'], ['贵州省', '贵州'],
  ['云南省', '云南'], ['西藏自治区', '西藏'], ['陕西省', '陕西'], ['甘肃省', '甘肃'], ['青海省', '青海'], ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'], ['台湾省', '台湾'], ['香港特别行政区', '香港'], ['澳门特别行政区', '澳门'],
];

/** The region at the start of a title or body name, or null. */
export function regionPrefix(name: string): string | null {
  const s = name.replace(/^《/, '').replace(/^(中共|中国共产党)/, '');
  const m = REGION.exec(s);
  if (!m) return null;
  // `石家庄市委` / `宁夏回族自治区党委`: the party committee suffix is not part of the region.
  return m[0];
}

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** Completes a bare level word (`自治区`, `省`) with the provincial-level name the text mentions most. */
export function completeRegion(region: string, text: string): string {
  if (!BARE.test(region)) return region;
  const level = region.replace(/^(本|全)/, '');
  let best: [string, number] | null = null;
  for (const [full, short] of PROVINCES) {
    if (!full.endsWith(level)) continue;
    const n = count(text, full) * 3 + count(text, short);
    if (n > 0 && (!best || n > best[1])) best = [full, n];
  }
  return best ? best[0] : region;
}

/** True when the region is only a level word that could not be completed. */
export function isBareRegion(region: string): boolean {
  return BARE.test(region);
}
