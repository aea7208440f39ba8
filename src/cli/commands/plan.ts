import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { planFileText } from '../../imports/plan-file.ts';
import { DomainError } from '../../core/errors.ts';
import { parsePlan, summarizePlan } from '../../core/plans/index.ts';

/** Reads a plan file (.txt in UTF-8 or GBK, or .docx) as text. */
export async function readPlanText(path: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new DomainError('file_unreadable', { field: 'FILE', zh: `无法读取文件 ${path}：${(e as Error).message}`, en: `Cannot read ${path}: ${(e as Error).message}` });
  }
  return planFileText(basename(path), buf, 'FILE');
}

export function registerPlanCommands(program: Command) {
  const plan = program.command('plan').description('carbon-peak plans');
  plan.command('parse <FILE>')
    .description('read a plan (.txt in UTF-8 or GBK, or .docx) and print the draft: metadata, targets, actions, tasks with their units')
    .option('--json', 'print JSON (the default and only format for now)')
    .option('--full', 'print the full draft (spans, sections, warnings) instead of the summary')
    .action(async (file: string, o: { full?: boolean }) => {
      const draft = parsePlan(await readPlanText(file));
      console.log(JSON.stringify(o.full ? draft : summarizePlan(draft), null, 2));
    });
}
