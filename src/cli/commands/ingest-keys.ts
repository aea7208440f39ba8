import type { Command } from 'commander';
import { parseInput } from '../../core/validation.ts';
import { KeyCreate, type KeyCreated } from '../../contracts/ingest.ts';
import { createKey } from '../../server/monitoring/keys.ts';
import { CLI_CALLER, createViaServerOrDb } from '../via-server.ts';

export function registerIngestKeyCommands(program: Command) {
  program.command('key').description('API keys of enterprises for batch ingestion (接入密钥)').command('create')
    .description('issue an API key for an enterprise (POST /api/ingest/readings, MQTT login); printed once. With SHUANGTAN_URL set it goes '
      + 'through that running server\'s API (SHUANGTAN_USER, SHUANGTAN_PASSWORD); otherwise it opens the database')
    .requiredOption('--enterprise <CREDIT_CODE>', '统一社会信用代码 of the enterprise')
    .requiredOption('--name <label>', 'what the key is for, e.g. "DCS gateway"')
    .action(async (o: { enterprise: string; name: string }) => {
      const raw = { enterprise: o.enterprise, name: o.name };
      const body = parseInput(KeyCreate, raw);
      const out = await createViaServerOrDb<KeyCreated>('/api/ingest/keys', raw, (ctx) => createKey(ctx, CLI_CALLER, body));
      console.log(`已为 ${out.enterpriseName} 创建接入密钥 / created API key “${out.name}” (${out.prefix}) for ${out.enterpriseName}`);
      console.log('密钥仅显示这一次，请妥善保存 / the key is shown only this once, keep it safe:');
      console.log(out.key);
    });
}
