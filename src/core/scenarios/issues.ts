/**
 * The scenario module's own wording for validation problems (values with what was given, the forms a
 * driver may take); everything else — paths, unions, the error itself — is the core's (../validation.ts).
 */
import type { z } from 'zod';
import { IssueList, issuesError, toIssues } from '../validation.ts';
import type { Issue } from '../errors.ts';

export { IssueList, issuesError };

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

const TYPE_ZH: Record<string, string> = {
  number: '数值', string: '字符串', object: '对象', array: '数组', boolean: '布尔值', int: '整数', record: '对象',
};

/** One zod issue in both languages. */
function translate(issue: z.core.$ZodIssue): { zh: string; en: string } | null {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { zh: '缺少必填字段', en: 'required field is missing' };
      const exp = String(issue.expected);
      return { zh: `类型错误：应为${TYPE_ZH[exp] ?? exp}，实际为 ${describe(issue.input)}`,
        en: `expected ${exp}, got ${describe(issue.input)}` };
    }
    case 'too_small': {
      const m = String(issue.minimum);
      if (issue.origin === 'array') return { zh: `至少需要 ${m} 项`, en: `needs at least ${m} item(s)` };
      if (issue.origin === 'string') return { zh: '不能为空', en: 'must not be empty' };
      return issue.inclusive === false
        ? { zh: `应大于 ${m}，实际为 ${String(issue.input)}`, en: `must be greater than ${m}, got ${String(issue.input)}` }
        : { zh: `应不小于 ${m}，实际为 ${String(issue.input)}`, en: `must be at least ${m}, got ${String(issue.input)}` };
    }
    case 'too_big': {
      const m = String(issue.maximum);
      if (issue.origin === 'array') return { zh: `最多 ${m} 项`, en: `at most ${m} item(s)` };
      if (issue.origin === 'string') return { zh: `长度不能超过 ${m}`, en: `must be at most ${m} characters` };
      return issue.inclusive === false
        ? { zh: `应小于 ${m}，实际为 ${String(issue.input)}`, en: `must be less than ${m}, got ${String(issue.input)}` }
        : { zh: `应不大于 ${m}，实际为 ${String(issue.input)}`, en: `must be at most ${m}, got ${String(issue.input)}` };
    }
    case 'invalid_format':
      return { zh: `格式不正确（标识符须以字母开头，仅含字母、数字、_ . -）：${JSON.stringify(issue.input)}`,
        en: `invalid format (ids start with a letter and use letters, digits, _ . -): ${JSON.stringify(issue.input)}` };
    case 'unrecognized_keys':
      return { zh: `未知字段：${issue.keys.join('、')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      return { zh: `取值 ${JSON.stringify(issue.input)} 不被接受，应为 ${allowed}`,
        en: `value ${JSON.stringify(issue.input)} is not accepted; expected ${allowed}` };
    }
    case 'invalid_union':
      if (issue.input === undefined) return { zh: '缺少必填字段', en: 'required field is missing' };
      if (issue.discriminator) {
        const options = 'options' in issue ? (issue.options ?? []) : [];
        const opts = options.map((v) => JSON.stringify(v)).join(' | ');
        return { zh: `${issue.discriminator} 取值未知，应为 ${opts}`, en: `unknown ${issue.discriminator}; expected ${opts}` };
      }
      {
        const expected = new Set(issue.errors.flat().filter((i) => i.code === 'invalid_type' && i.path.length === 0)
          .map((i) => String((i as z.core.$ZodIssueInvalidType).expected)));
        if (expected.has('number')) {
          return { zh: '应为数值或分布对象（normal / triangular / uniform）', en: 'must be a number or a distribution object (normal / triangular / uniform)' };
        }
        if (expected.has('array')) {
          return { zh: '应为 [[起始年, 终止年], …]，或 "chained" / "endpoints"', en: 'must be [[from, to], …], or "chained" / "endpoints"' };
        }
        return { zh: '应为一个标识符，或 标识符→权重 的对象', en: 'must be an id, or an object of id → weight' };
      }
    default:
      return null;
  }
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return toIssues(error, { translate, prefix });
}
