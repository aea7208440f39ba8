import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { DomainError } from '../../core/errors.ts';
import { runLmdiFile, runScenarioFile } from '../../core/scenarios/index.ts';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DomainError('file_unreadable', { field: 'FILE', zh: `无法读取文件 ${path}：${(e as Error).message}`, en: `Cannot read ${path}: ${(e as Error).message}` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DomainError('invalid_json', { field: 'FILE', zh: `${path} 不是有效的 JSON：${(e as Error).message}`, en: `${path} is not valid JSON: ${(e as Error).message}` });
  }
}

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new DomainError('invalid_option', { field: name, zh: `${name} 须为非负整数：“${v}”`, en: `${name} must be a non-negative integer: "${v}"` });
  return Number(v);
};

export function registerScenarioCommands(program: Command) {
  program.command('scenario').description('scenarios').command('run <FILE>')
    .description('project a scenario file (shuangtan.scenario/v1); Monte Carlo with --draws/--seed')
    .option('--json', 'print JSON (the only format)')
    .option('--draws <N>', 'Monte Carlo draws', int('--draws'))
    .option('--seed <S>', 'random seed (same seed, same result)', int('--seed'))
    .option('--scenario <id...>', 'only these scenarios')
    .action((file: string, o: { draws?: number; seed?: number; scenario?: string[] }) => {
      console.log(JSON.stringify(runScenarioFile(readJson(file), { draws: o.draws, seed: o.seed, scenarios: o.scenario }), null, 2));
    });
  program.command('lmdi <FILE>').description('LMDI-I decomposition of the change in CO2 (shuangtan.lmdi/v1)')
    .option('--json', 'print JSON (the only format)')
    .action((file: string) => console.log(JSON.stringify(runLmdiFile(readJson(file)), null, 2)));
}
