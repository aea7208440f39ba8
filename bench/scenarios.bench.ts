/**
 * Benchmark of the scenario engine: 10,000 Monte Carlo draws of the demo region to 2060, against a single
 * deterministic run in the same process.
 *
 *   node --import tsx bench/scenarios.bench.ts [draws=10000] [repeats=5]
 *
 * Reports, per scenario of samples/demo-region.json: the deterministic run (full projection with result
 * objects, and the bare kernel), the Monte Carlo wall time (sampling + kernel + percentiles), draws per
 * second, and the ratio of one Monte Carlo run to one deterministic run. Medians (and the fastest run, the
 * least disturbed by other load on shared machines) over `repeats` runs after a warm-up; the first (cold)
 * Monte Carlo run is reported separately.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  compileScenario, createWorkspace, parseScenarioFile, projectScenario, runMonteCarloCompiled, simulate,
} from '../src/core/scenarios/index.ts';

const draws = Number(process.argv[2] ?? 10_000);
const repeats = Number(process.argv[3] ?? 5);
const samplePath = fileURLToPath(new URL('../src/core/scenarios/samples/demo-region.json', import.meta.url));
const file = parseScenarioFile(JSON.parse(readFileSync(samplePath, 'utf8')));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeIt(n: number, fn: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
}

console.log(`# scenario engine benchmark — Node ${process.version}, ${draws} draws, ${file.baseYear}–${file.endYear}, median of ${repeats}`);
const rows: Record<string, unknown>[] = [];
for (const s of file.scenarios) {
  const m = compileScenario(file, s.id);
  const ws = createWorkspace(m);
  const coldT0 = performance.now();
  runMonteCarloCompiled(file, m, { draws, seed: 1 });
  const cold = performance.now() - coldT0;

  // Deterministic: full projection (compile + kernel + JSON result objects) and the kernel alone.
  timeIt(50, () => projectScenario(file, s.id));
  const det = median(Array.from({ length: repeats }, () => timeIt(50, () => projectScenario(file, s.id))));
  const kernel = median(Array.from({ length: repeats }, () => timeIt(1000, () => simulate(m, m.params, ws))));

  const mcTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    runMonteCarloCompiled(file, m, { draws, seed: 1 + r });
    mcTimes.push(performance.now() - t0);
  }
  const mc = median(mcTimes);
  const mcMin = Math.min(...mcTimes);
  const row = {
    scenario: s.id,
    uncertainInputs: m.samplers.count,
    deterministicMs: +det.toFixed(3),
    kernelUs: +(kernel * 1000).toFixed(1),
    monteCarloMs: +mc.toFixed(1),
    monteCarloMinMs: +mcMin.toFixed(1),
    monteCarloColdMs: +cold.toFixed(1),
    drawsPerSecond: Math.round(draws / (mc / 1000)),
    ratioToDeterministic: +(mc / det).toFixed(1),
    ratioToKernel: +(mc / kernel).toFixed(0),
  };
  rows.push(row);
  console.log(
    `${s.id.padEnd(9)} inputs ${String(row.uncertainInputs).padStart(2)} | deterministic ${det.toFixed(3)} ms (kernel ${row.kernelUs} µs)`
    + ` | ${draws} draws ${mc.toFixed(1)} ms (fastest ${mcMin.toFixed(1)}, cold ${cold.toFixed(1)}) = ${row.drawsPerSecond.toLocaleString('en')} draws/s`
    + ` | MC/deterministic ×${row.ratioToDeterministic}, MC/kernel ×${row.ratioToKernel}`,
  );
}
console.log(JSON.stringify({ bench: 'scenarios', node: process.version, draws, repeats, rows }));
