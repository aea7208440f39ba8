import { resolve } from 'node:path';
import { DomainError } from '../core/errors.ts';

/** Everything the platform reads from the environment, in one place (see README › Configuration). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  demoPassword?: string;
  loadDemo: boolean;
  /** With the demo: its monitoring points keep sending HJ 212 data to the listener (SHUANGTAN_DEMO_FEED). */
  demoFeed: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
  /** HJ 212 TCP listener port; null = off. */
  hj212Port: number | null;
  /** An external MQTT broker to subscribe to (MQTT_URL); null = embed one on mqttPort. */
  mqttUrl: string | null;
  /** The embedded MQTT broker's port; null = off. */
  mqttPort: number | null;
  /** Minutes between data-quality evaluations of the monitoring data (QUALITY_JOB_MINUTES); null = off. */
  qualityJobMinutes: number | null;
}

/** HJ212_PORT: a port, or off; default 9212 (0 — any free port — when PORT=0, so test servers side by side never collide). */
function hj212Port(env: NodeJS.ProcessEnv): number | null {
  const raw = env.HJ212_PORT;
  if (raw === undefined || raw === '') return env.PORT === '0' ? 0 : 9212;
  if (/^(off|none)$/i.test(raw)) return null;
  return int(env, 'HJ212_PORT', 9212, 0, 65535);
}

/** MQTT_PORT: the embedded broker's port, or off; default 1883 (0 when PORT=0, as HJ212_PORT). */
function mqttPort(env: NodeJS.ProcessEnv): number | null {
  const raw = env.MQTT_PORT;
  if (raw === undefined || raw === '') return env.PORT === '0' ? 0 : 1883;
  if (/^(off|none)$/i.test(raw)) return null;
  return int(env, 'MQTT_PORT', 1883, 0, 65535);
}

/** MQTT_URL: mqtt://, mqtts://, ws:// or wss:// (user:password@ allowed). */
function mqttUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.MQTT_URL?.trim();
  if (!raw) return null;
  let ok = false;
  try {
    ok = ['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(new URL(raw).protocol);
  } catch { /* reported below */ }
  if (!ok) {
    throw new DomainError('invalid_config', {
      field: 'MQTT_URL',
      zh: `环境变量 MQTT_URL 应为 mqtt://主机:端口（或 mqtts://、ws://、wss://），如 mqtt://127.0.0.1:1883`,
      en: `Environment variable MQTT_URL must be mqtt://host:port (or mqtts://, ws://, wss://), e.g. mqtt://127.0.0.1:1883`,
    });
  }
  return raw;
}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DomainError('invalid_config', {
      field: name,
      zh: `环境变量 ${name}=“${raw}”应为 ${min}–${max} 之间的整数`,
      en: `Environment variable ${name}="${raw}" must be an integer from ${min} to ${max}`,
    });
  }
  return n;
}

const bool = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !/^(0|false|no|off)$/i.test(v));

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.SHUANGTAN_ADMIN_PASSWORD || undefined,
    demoPassword: env.SHUANGTAN_DEMO_PASSWORD || undefined,
    loadDemo: bool(env.SHUANGTAN_DEMO, true),
    demoFeed: bool(env.SHUANGTAN_DEMO_FEED, true),
    sessionHours: int(env, 'SESSION_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    cookieSecure: bool(env.COOKIE_SECURE, false),
    logLevel: env.LOG_LEVEL || 'info',
    webDist: resolve(new URL('../../web/dist', import.meta.url).pathname),
    hj212Port: hj212Port(env),
    mqttUrl: mqttUrl(env),
    mqttPort: mqttPort(env),
    qualityJobMinutes: /^(off|none|0)$/i.test(env.QUALITY_JOB_MINUTES ?? '') ? null : int(env, 'QUALITY_JOB_MINUTES', 5, 1, 24 * 60),
  };
}
