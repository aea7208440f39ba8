import { encodeUpload, formatHj212Time, formatQn, type ReadingInput } from '../core/hj212/index.ts';
import { Hj212Client } from './client.ts';

export interface SimDevice {
  mn: string;
  pw: string;
  factors: string[];
}

export interface SimOptions {
  host: string;
  port: number;
  devices: SimDevice[];
  /** real seconds between a device's uploads (0: as fast as acknowledgements come back) */
  intervalSeconds: number;
  /** stop after this many real seconds … */
  durationSeconds?: number;
  /** … or after this many packets per device */
  packetsPerDevice?: number;
  /** simulated time step of DataTime between uploads (default 60 s: minute data, CN 2051) */
  stepSeconds?: number;
  /** DataTime of the first upload (default: now, truncated to the step) */
  start?: Date;
  /** unacknowledged packets a device keeps in flight (default 1) */
  window?: number;
  /** mix in faults: corrupted CRC, junk bytes, resends, negative values, dropped connections */
  faults?: boolean;
  ackTimeoutMs?: number;
  /** seeded, so a run with faults is repeatable */
  seed?: number;
}

export interface SimResult {
  devices: number;
  packets: number;
  acked: number;
  readings: number;
  resent: number;
  faultsInjected: number;
  reconnects: number;
  failedDevices: number;
  seconds: number;
  readingsPerSecond: number;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Plays N HJ 212 devices against a listener: each connects, uploads minute data (2051, Flag A=1) and waits
 * for every 9014; a packet without its acknowledgement (timeout, closed connection) is sent again on a new
 * connection, as a real data logger does.
 */
export async function simulate(o: SimOptions): Promise<SimResult> {
  const step = (o.stepSeconds ?? 60) * 1000;
  const start = o.start ?? new Date(Math.floor(Date.now() / step) * step);
  const window = Math.max(1, o.window ?? 1);
  const deadline = o.durationSeconds !== undefined ? Date.now() + o.durationSeconds * 1000 : Infinity;
  const maxPackets = o.packetsPerDevice ?? Infinity;
  const r: SimResult = { devices: o.devices.length, packets: 0, acked: 0, readings: 0, resent: 0, faultsInjected: 0, reconnects: 0, failedDevices: 0, seconds: 0, readingsPerSecond: 0 };
  const t0 = Date.now();

  async function device(d: SimDevice, index: number) {
    const random = rng((o.seed ?? 1) * 7919 + index);
    let client = await Hj212Client.open(o.host, o.port);
    let seq = 0;
    let failures = 0;
    const inflight = new Set<Promise<void>>();
    const send = async (n: number): Promise<void> => {
      const at = new Date(start.getTime() + n * step);
      const qn = formatQn(new Date(start.getTime() + n * 1000 + index)).slice(0, 14) + String(n % 1000).padStart(3, '0');
      const negative = o.faults && random() < 0.02;
      const readings: ReadingInput[] = d.factors.map((code, k) => ({ code, values: { Cou: negative && k === 0 ? -1 : Math.round(random() * 1e4) / 100 }, flag: 'N' }));
      const seg = encodeUpload({ cn: '2051', st: '31', pw: d.pw, mn: d.mn, qn, dataTime: formatHj212Time(at), readings });
      for (let attempt = 0; attempt < 5; attempt++) {
        if (o.faults && random() < 0.02) {
          r.faultsInjected++;
          client.writeRaw(random() < 0.5 ? `##0042QN=${qn};CN=2051;CP=&&&&ABCD\r\n` : 'garbage \x00\xff between frames ');
        }
        const wait = client.ack(qn, o.ackTimeoutMs ?? 15_000);
        client.send(seg);
        if (o.faults && random() < 0.01) {
          r.faultsInjected++;
          r.resent++;
          client.send(seg); // a device that resends before the ack: must change nothing
        }
        try {
          await wait;
          r.acked++;
          r.readings += readings.length;
          return;
        } catch {
          r.resent++;
          if (client.isClosed) {
            r.reconnects++;
            client = await Hj212Client.open(o.host, o.port);
          }
        }
      }
      failures++;
    };
    while (seq < maxPackets && Date.now() < deadline && failures < 3) {
      const n = seq++;
      r.packets++;
      const p = send(n).finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= window) await Promise.race(inflight);
      if (o.faults && random() < 0.005) {
        r.faultsInjected++;
        await Promise.all(inflight);
        await client.close(); // the line drops; the next upload reconnects
        r.reconnects++;
        client = await Hj212Client.open(o.host, o.port);
      }
      if (o.intervalSeconds > 0) await sleep(o.intervalSeconds * 1000);
    }
    await Promise.all(inflight);
    if (failures) r.failedDevices++;
    await client.close();
  }

  await Promise.all(o.devices.map((d, i) => device(d, i)));
  r.seconds = (Date.now() - t0) / 1000;
  r.readingsPerSecond = r.readings / Math.max(r.seconds, 1e-3);
  return r;
}
