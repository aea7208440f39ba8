/**
 * The listener's CPU work per packet without sockets or a database: frame splitting and CRC, parsePacket,
 * readingsOf (validation) and the 9014 (build + frame), on packets like the simulator's (CN 2051, 10 factors).
 * Prints µs per packet and per reading for each stage (best of `rounds`, so other jobs on the machine count less).
 *
 *   node --import tsx bench/ingest-codec.bench.ts [packets=20000] [factors=10] [rounds=5]
 */
import { FrameSplitter, parsePacket, dataAck, encodeFrame, encodeUpload, formatHj212Time, formatQn } from '../src/core/hj212/index.ts';
import { readingsOf, type PointInfo } from '../src/ingest/validate.ts';

const nPackets = Number(process.argv[2] ?? 20_000);
const nFactors = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 5);

const factors = Array.from({ length: nFactors }, (_, i) => `e1${String(i).padStart(4, '0')}`);
const point: PointInfo = {
  id: 1, mn: 'BENCH00001', pw: '123456', active: true, intervalSeconds: 60,
  factors: new Map(factors.map((f) => [f, { multiplier: 1, offset: 0, min: null, max: null }])),
};
const start = Date.UTC(2026, 5, 1);
const frames: string[] = [];
for (let n = 0; n < nPackets; n++) {
  const qn = formatQn(new Date(start + n * 1000)).slice(0, 14) + String(n % 1000).padStart(3, '0');
  const readings = factors.map((code) => ({ code, values: { Cou: Math.round(Math.random() * 1e4) / 100 }, flag: 'N' }));
  frames.push(encodeFrame(encodeUpload({ cn: '2051', st: '31', pw: point.pw, mn: point.mn, qn, dataTime: formatHj212Time(new Date(start + n * 60_000)), readings })));
}
// TCP delivers several frames per chunk at this rate; 16 frames a chunk, like a device's window.
const chunks: Buffer[] = [];
for (let i = 0; i < frames.length; i += 16) chunks.push(Buffer.from(frames.slice(i, i + 16).join('')));
const now = new Date(start + nPackets * 60_000);

function time(fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1000) / nPackets;
}

// Each stage is timed cumulatively (split; split + parse; …) with nothing kept between packets, as in the
// listener: keeping 20,000 packets alive would make the garbage collector's work unlike the listener's.
function run(stages: number): number {
  const s = new FrameSplitter();
  let rows = 0;
  for (const c of chunks) {
    for (const ev of s.push(c)) {
      if (ev.type !== 'frame' || stages < 2) continue;
      const r = parsePacket(ev.frame.bytes);
      if (!r.ok) throw new Error('parse');
      if (stages < 3) continue;
      rows += readingsOf(r.value, point, now, '127.0.0.1:1').rows.length;
      if (stages < 4) continue;
      encodeFrame(dataAck(r.value));
    }
  }
  return rows;
}
if (run(4) !== nPackets * nFactors) throw new Error('not every reading validated');
const cumulative = [1, 2, 3, 4].map((k) => time(() => run(k)));
const [split, parse, validate, ack] = cumulative.map((us, i) => us - (cumulative[i - 1] ?? 0));
const total = cumulative[3];
const fmt = (us: number) => ({ usPerPacket: +us.toFixed(2), usPerReading: +(us / nFactors).toFixed(3) });
console.log(JSON.stringify({ packets: nPackets, factors: nFactors, split: fmt(split), parse: fmt(parse), validate: fmt(validate), ack: fmt(ack), total: fmt(total) }));
