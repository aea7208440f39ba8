import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { DomainError } from '../../core/errors.ts';
import { parsePlan, summarizePlan } from '../../core/plans/index.ts';

/** Reads a plan text file: UTF-8 text; anything else is a clear error, never garbage parsed as a plan. */
export function readPlanText(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new DomainError('file_unreadable', { field: 'FILE', zh: `无法读取文件 ${path}：${(e as Error).message}`, en: `Cannot read ${path}: ${(e as Error).message}` });
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (buf.subarray(0, 4).toString('latin1').startsWith('PK\u0003\u0004') || buf.includes(0) || bad > text.length * 0.05) {
    throw new DomainError('file_not_text', {
      field: 'FILE',
      zh: `文件 ${path} 不是 UTF-8 文本（如为 Word/PDF，请先另存为 .txt）`,
      en: `${path} is not UTF-8 text (save a Word or PDF document as .txt first)`,
    });
  }
  return text;
}

export function registerPlanCommands(program: Command) {
  const plan = program.command('plan').description('carbon-peak plans');
  plan.command('parse <FILE>')
    .description('read a plan text and print the draft: metadata, targets, actions, tasks with their units')
    .option('--json', 'print JSON (the default and only format for now)')
    .option('--full', 'print the full draft (spans, sections, warnings) instead of the summary')
    .action((file: string, o: { full?: boolean }) => {
      const draft = parsePlan(readPlanText(file));
      console.log(JSON.stringify(o.full ? draft : summarizePlan(draft), null, 2));
    });
}
