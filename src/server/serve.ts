import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';
import { ensureAdmin, generatePassword } from './bootstrap.ts';
import { openPlatformDb, type RunningPlatform } from './platform.ts';
import { loadDemo } from '../demo/load.ts';
import { startDemoFeed, type DemoFeed } from '../demo/live-feed.ts';
import { startHj212Listener, type RunningListener } from '../ingest/listener.ts';
import { IngestPipeline } from '../ingest/pipeline.ts';
import { startMqtt, type RunningMqtt } from '../ingest/mqtt.ts';
import { DomainError } from '../core/errors.ts';
import { startQualityJob, type QualityJob } from './monitoring/quality-job.ts';

/**
 * Starts the whole platform: database (+ migrations), first administrator, demo region on first start,
 * HTTP API and web UI. `say` receives the lines meant for the operator (URL, one-time passwords).
 */
export async function serve(config: Config, say: (line: string) => void = console.log, opts: { logger?: boolean } = {}): Promise<RunningPlatform> {
  const { db, release } = await openPlatformDb(config);
  const ctx = createContext(db, config);
  let hj212: RunningListener | null = null;
  let mqtt: RunningMqtt | null = null;
  let ingest: IngestPipeline | null = null;
  let quality: QualityJob | null = null;
  let feed: DemoFeed | null = null;
  try {
    const admin = await ensureAdmin(ctx);
    if (admin?.generated) {
      say(`\n  首次启动：已创建管理员 / first start: created administrator`);
      say(`  用户名 username: ${admin.username}   密码 password: ${admin.password}`);
      say('  （仅显示这一次，请妥善保存 / shown only this once: keep it safe）\n');
    }
    if (config.loadDemo) {
      const demoPassword = config.demoPassword ?? generatePassword();
      const demo = await loadDemo(db, ctx.now(), demoPassword, { monitoringHistory: true });
      if (demo.loaded) {
        say(`  已载入演示地区与用户 / demo regions and users loaded: ${demo.users.join(', ')}`);
        say(`  演示用户密码 / demo users' password: ${config.demoPassword ? '(SHUANGTAN_DEMO_PASSWORD)' : demoPassword}\n`);
      }
    }
    const app = await buildApp(ctx, opts);
    // One registry and one group-commit writer for every ingestion path: HJ 212 TCP, HTTP batches, MQTT.
    ingest = ctx.ingest = new IngestPipeline(db, { now: ctx.now, log: app.log });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://localhost:${port}`;
    say(`Shuangtan 双碳 running at ${url}  (database: ${db.kind}${db.kind === 'pglite' ? `, ${config.dataDir}` : ''})`);
    if (config.hj212Port !== null) {
      hj212 = await startHj212Listener(db, { port: config.hj212Port, host: config.host, log: app.log, pipeline: ingest }).catch(async (e: unknown) => {
        await app.close();
        throw e;
      });
      say(`HJ 212 在线监测接入 / HJ 212 ingestion listening on TCP port ${hj212.port}`);
    }
    if (config.mqttUrl || config.mqttPort !== null) {
      try {
        mqtt = await startMqtt(ingest, { url: config.mqttUrl, port: config.mqttPort ?? undefined, host: config.host });
      } catch (e) {
        // An MQTT broker already on the port (Mosquitto on 1883 is common) must not stop the platform.
        if (!(e instanceof DomainError && e.code === 'port_in_use')) {
          await hj212?.close();
          await app.close();
          throw e;
        }
        say(`警告：${e.zh}；本次启动不接入 MQTT\nWarning: ${e.en}; starting without MQTT ingestion`);
      }
      if (mqtt?.mode === 'embedded') say(`MQTT 在线监测接入 / MQTT ingestion: embedded broker on TCP port ${mqtt.port}`);
      else if (mqtt) say(`MQTT 在线监测接入 / MQTT ingestion: ${mqtt.connected ? 'subscribed to' : 'not yet connected to (retrying)'} ${config.mqttUrl!.replace(/\/\/[^@/]*@/, '//***@')}`);
    }
    // The demo enterprises' meters keep sending, so the monitoring pages are live (SHUANGTAN_DEMO_FEED=0 stops it).
    if (config.loadDemo && config.demoFeed && hj212) feed = await startDemoFeed({ db, port: hj212.port, now: ctx.now, log: app.log });
    if (config.qualityJobMinutes !== null) quality = startQualityJob(ctx, { log: app.log, intervalMs: config.qualityJobMinutes * 60_000 });
    let closed = false;
    return {
      ctx, app, url,
      async close() {
        if (closed) return;
        closed = true;
        await quality?.stop();
        await feed?.close();
        await mqtt?.close();
        await hj212?.close();
        await app.close();
        await ingest?.close();
        await db.close();
        release();
      },
    };
  } catch (e) {
    await quality?.stop().catch(() => undefined);
    await feed?.close().catch(() => undefined);
    await mqtt?.close().catch(() => undefined);
    await hj212?.close().catch(() => undefined);
    await ingest?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    release();
    throw e;
  }
}
