/**
 * The projection kernel: one pass over the years for one parameter vector, writing into a reusable
 * workspace of typed arrays (no allocation per run). Equations (t = year index, i sector, j fuel):
 *
 *   P(t), G(t)                 population (万人), GDP (亿元, constant prices) from their paths
 *   s_i(t)                     value-added share path + structure levers, renormalised to Σ s_i = 1
 *   A_i(t)                     = G(t) · s_i(t) for value-added sectors, P(t) for population sectors
 *   I_i(t)                     intensity path × Π (1 + intensity lever rates)
 *   E_i(t)                     = I_i(t) · A_i(t)                                   (万tce)
 *   m_ij(t)                    = m_ij(t−1) after this year's fuel shifts (drivers, then levers)
 *   E_ij(t)                    = E_i(t) · m_ij(t)
 *   D(t)                       = E_elec(t) / (10 · k)   electricity demand, 亿kWh (k = kgce/kWh)
 *   L(t)                       = Σ cap_g(t) · h_g / 10⁴  local non-fossil generation, 亿kWh
 *   N(t)                       = max(0, D − L)          bought from the grid (surplus is not credited)
 *   f_elec(t)                  = GF(t) · N / (D · k)    tCO2/tce of electricity used (GF tCO2/MWh)
 *   C_ij(t)                    = E_ij(t) · f_j(t)       f_j: fuel factor path (fossil, heat), f_elec, 0
 *   C_q(t)                     = Act_q(t) · ef_q · (1 − capture_q(t))   process CO2
 *   gross = Σ C_ij + Σ C_q;  net = gross − sinks
 *   non-fossil share           = (Σ E_nonFossil + E_elec · (min(L, D) + N · g_nf) / D) / Σ E
 */
import { KIND, type CompiledModel } from './compile.ts';
import { applyRamps, applyRates, moveShares, moveSharesRows } from './levers.ts';
import { evalPath } from './params.ts';

/** Unit conversions (not factors): 亿kWh × kgce/kWh = 10 万tce; 亿kWh × tCO2/MWh = 10 万tCO2; 万kW × h = 10⁻⁴ 亿kWh. */
const WAN_TCE_PER_YI_KWH_PER_KGCE = 10;
const YI_KWH_PER_WAN_KW_HOUR = 1e-4;

/** Arrays one run writes into; a workspace belongs to the model it was created for. */
export interface Workspace {
  readonly model: CompiledModel;
  readonly T: number; readonly S: number; readonly F: number;
  pop: Float64Array; gdp: Float64Array;
  /** [i * T + t] */
  share: Float64Array; intensity: Float64Array; activity: Float64Array;
  /** [(t * S + i) * F + j] */
  energy: Float64Array; co2: Float64Array;
  /** [t * S + i] energy of a sector; CO2 of a sector including its processes */
  energySector: Float64Array; co2Sector: Float64Array;
  /** [t * F + j] */
  energyFuel: Float64Array; co2Fuel: Float64Array;
  /** [j * T + t] tCO2/tce actually applied (electricity: f_elec) */
  fuelEf: Float64Array;
  energyTotal: Float64Array; co2Energy: Float64Array; co2Process: Float64Array;
  gross: Float64Array; sinks: Float64Array; net: Float64Array;
  /** [q * T + t] */
  processActivity: Float64Array; processCapture: Float64Array; processCo2: Float64Array;
  /** [g * T + t] 万kW */
  capacity: Float64Array;
  elecDemand: Float64Array; localGen: Float64Array; gridPurchase: Float64Array;
  gridFactor: Float64Array; gridNF: Float64Array;
  nonFossilShare: Float64Array; electrificationShare: Float64Array;
  /** tce/万元 and energy-related tCO2/万元 */
  energyIntensity: Float64Array; carbonIntensity: Float64Array;
  /** per-row views created once, so a run allocates nothing */
  rows: { share: Float64Array[]; intensity: Float64Array[]; fuelEf: Float64Array[]; capacity: Float64Array[]; activity: Float64Array[]; capture: Float64Array[] };
  /** fuel mix by year, [(t * S + i) * F + j]; recomputed only when the shift parameters change */
  mixPath: Float64Array;
  mixKey: { valid: boolean; values: Float64Array };
  mix: Float64Array; col: Float64Array;
}

function rowsOf(a: Float64Array, n: number, T: number): Float64Array[] {
  return Array.from({ length: n }, (_, k) => a.subarray(k * T, (k + 1) * T));
}

export function createWorkspace(m: CompiledModel): Workspace {
  const { T, S, F } = m;
  const G = m.techs.length, Q = m.processes.length;
  const f = (n: number) => new Float64Array(n);
  const share = f(S * T), intensity = f(S * T), fuelEf = f(F * T), capacity = f(G * T);
  const processActivity = f(Q * T), processCapture = f(Q * T);
  return {
    model: m, T, S, F, pop: f(T), gdp: f(T), share, intensity, activity: f(S * T),
    energy: f(T * S * F), co2: f(T * S * F), energySector: f(T * S), co2Sector: f(T * S),
    energyFuel: f(T * F), co2Fuel: f(T * F), fuelEf,
    energyTotal: f(T), co2Energy: f(T), co2Process: f(T), gross: f(T), sinks: f(T), net: f(T),
    processActivity, processCapture, processCo2: f(Q * T), capacity,
    elecDemand: f(T), localGen: f(T), gridPurchase: f(T), gridFactor: f(T), gridNF: f(T),
    nonFossilShare: f(T), electrificationShare: f(T), energyIntensity: f(T), carbonIntensity: f(T),
    rows: {
      share: rowsOf(share, S, T), intensity: rowsOf(intensity, S, T), fuelEf: rowsOf(fuelEf, F, T),
      capacity: rowsOf(capacity, G, T), activity: rowsOf(processActivity, Q, T), capture: rowsOf(processCapture, Q, T),
    },
    mixPath: f(T * S * F), mixKey: { valid: false, values: f(2 * m.shifts.length) },
    mix: f(S * F), col: f(S),
  };
}

/** Value-added shares for every year: paths, then structure levers, then renormalisation. */
function structure(m: CompiledModel, p: Float64Array, ws: Workspace): void {
  const { T, S, isVA } = m;
  for (let i = 0; i < S; i++) evalPath(m.structure[i], p, ws.rows.share[i], T);
  const col = ws.col, share = ws.share, levers = m.levers.structure;
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let i = 0; i < S; i++) { const v = isVA[i] ? share[i * T + t] : 0; col[i] = v > 0 ? v : 0; }
    for (const l of levers) {
      if (t < l.t0 || p[l.on] === 0) continue;
      const years = Math.min(t, l.t1) - l.t0 + 1;
      moveShares(l, p[l.slot] * years, col, 0);
    }
    for (let i = 0; i < S; i++) sum += col[i];
    for (let i = 0; i < S; i++) share[i * T + t] = sum > 0 ? col[i] / sum : 0;
  }
}

/**
 * Fuel mix for every year: base mix, then each year's shifts in order. The path depends only on the shift
 * sizes and on/off flags, so it is kept between runs while those parameters are unchanged (in Monte Carlo
 * without uncertain shifts it is computed once).
 */
function mixPath(m: CompiledModel, p: Float64Array, ws: Workspace): void {
  const { T, S, F, shifts } = m;
  const key = ws.mixKey;
  if (key.valid) {
    let same = true;
    for (let n = 0; n < shifts.length && same; n++) {
      same = key.values[2 * n] === p[shifts[n].slot] && key.values[2 * n + 1] === p[shifts[n].on];
    }
    if (same) return;
  }
  const mix = ws.mix, out = ws.mixPath, SF = S * F;
  mix.set(m.baseMix);
  out.set(mix, 0);
  for (let t = 1; t < T; t++) {
    for (let n = 0; n < shifts.length; n++) {
      const s = shifts[n];
      if (t < s.t0 || t > s.t1 || p[s.on] === 0) continue;
      if (s.target >= 0) moveSharesRows(s, p[s.slot], mix, s.target * F, 1, F);
      else moveSharesRows(s, p[s.slot], mix, 0, S, F);
    }
    out.set(mix, t * SF);
  }
  key.valid = true;
  for (let n = 0; n < shifts.length; n++) { key.values[2 * n] = p[shifts[n].slot]; key.values[2 * n + 1] = p[shifts[n].on]; }
}

/** Run the projection for parameter vector `p` (m.params or a draw) into `ws`. */
export function simulate(m: CompiledModel, p: Float64Array, ws: Workspace): void {
  if (ws.model !== m) throw new Error('simulate: the workspace was created for another model');
  const { T, S, F, kind, isVA, elec } = m;
  const G = m.techs.length, Q = m.processes.length;
  evalPath(m.pop, p, ws.pop, T);
  evalPath(m.gdp, p, ws.gdp, T);
  structure(m, p, ws);
  for (let i = 0; i < S; i++) {
    evalPath(m.intensity[i], p, ws.rows.intensity[i], T);
    applyRates(m.levers.intensity, i, p, ws.rows.intensity[i], T);
  }
  for (let j = 0; j < F; j++) evalPath(m.factor[j], p, ws.rows.fuelEf[j], T);
  evalPath(m.grid, p, ws.gridFactor, T);
  applyRates(m.levers.grid, -1, p, ws.gridFactor, T);
  evalPath(m.gridNF, p, ws.gridNF, T);
  for (let t = 0; t < T; t++) ws.gridNF[t] = ws.gridNF[t] < 0 ? 0 : ws.gridNF[t] > 1 ? 1 : ws.gridNF[t];
  for (let g = 0; g < G; g++) {
    evalPath(m.capacity[g], p, ws.rows.capacity[g], T);
    const row = ws.rows.capacity[g];
    applyRamps(m.levers.capacity, g, p, row, T);
    for (let t = 0; t < T; t++) if (row[t] < 0) row[t] = 0;
  }
  for (let q = 0; q < Q; q++) {
    evalPath(m.process[q], p, ws.rows.activity[q], T);
    applyRates(m.levers.process, q, p, ws.rows.activity[q], T);
    ws.rows.capture[q].fill(0);
    applyRamps(m.levers.capture, q, p, ws.rows.capture[q], T);
  }
  evalPath(m.sinks, p, ws.sinks, T);
  applyRamps(m.levers.sink, -1, p, ws.sinks, T);

  mixPath(m, p, ws);
  const mix = ws.mixPath, k = m.kgce, hours = m.hours, processEf = m.processEf, processSector = m.processSector;
  const { gdp, pop, share, intensity, activity, energy, co2, energySector, energyFuel, co2Sector, co2Fuel, fuelEf } = ws;
  const { capacity, processActivity, processCapture, processCo2, gridFactor, gridNF, sinks } = ws;
  const nonFossil = KIND.nonFossil;
  for (let t = 0; t < T; t++) {
    // Energy by sector and fuel.
    const tF = t * F, tS = t * S;
    let eTot = 0;
    for (let j = 0; j < F; j++) energyFuel[tF + j] = 0;
    for (let i = 0; i < S; i++) {
      const a = isVA[i] ? gdp[t] * share[i * T + t] : pop[t];
      activity[i * T + t] = a;
      const e = intensity[i * T + t] * a;
      energySector[tS + i] = e;
      eTot += e;
      const o = (tS + i) * F, mo = o;
      for (let j = 0; j < F; j++) { const v = e * mix[mo + j]; energy[o + j] = v; energyFuel[tF + j] += v; }
    }
    ws.energyTotal[t] = eTot;

    // Electricity: demand, local non-fossil supply, grid purchase, factor per tce used.
    const eElec = elec >= 0 ? energyFuel[tF + elec] : 0;
    const D = eElec / (WAN_TCE_PER_YI_KWH_PER_KGCE * k);
    let L = 0;
    for (let g = 0; g < G; g++) L += capacity[g * T + t] * hours[g] * YI_KWH_PER_WAN_KW_HOUR;
    const N = D > L ? D - L : 0;
    const gf = gridFactor[t] > 0 ? gridFactor[t] : 0;
    const nf = gridNF[t];
    ws.elecDemand[t] = D; ws.localGen[t] = L; ws.gridPurchase[t] = N;
    if (elec >= 0) fuelEf[elec * T + t] = D > 0 ? (gf * N) / (D * k) : gf / k;

    // CO2 by sector and fuel.
    let cEnergy = 0, eNonFossil = 0;
    for (let j = 0; j < F; j++) {
      co2Fuel[tF + j] = 0;
      if (kind[j] === nonFossil) { fuelEf[j * T + t] = 0; eNonFossil += energyFuel[tF + j]; }
    }
    for (let i = 0; i < S; i++) {
      const o = (tS + i) * F;
      let cs = 0;
      for (let j = 0; j < F; j++) {
        const c = energy[o + j] * fuelEf[j * T + t];
        co2[o + j] = c; cs += c; co2Fuel[tF + j] += c;
      }
      co2Sector[tS + i] = cs;
      cEnergy += cs;
    }
    let cProc = 0;
    for (let q = 0; q < Q; q++) {
      const cap = processCapture[q * T + t];
      const a = processActivity[q * T + t];
      const c = (a > 0 ? a : 0) * processEf[q] * (1 - (cap > 1 ? 1 : cap < 0 ? 0 : cap));
      processCo2[q * T + t] = c;
      co2Sector[tS + processSector[q]] += c;
      cProc += c;
    }
    ws.co2Energy[t] = cEnergy;
    ws.co2Process[t] = cProc;
    ws.gross[t] = cEnergy + cProc;
    ws.net[t] = cEnergy + cProc - sinks[t];
    const nfElec = D > 0 ? ((L < D ? L : D) + N * nf) / D : 0;
    ws.nonFossilShare[t] = eTot > 0 ? (eNonFossil + eElec * nfElec) / eTot : 0;
    ws.electrificationShare[t] = eTot > 0 ? eElec / eTot : 0;
    ws.energyIntensity[t] = gdp[t] > 0 ? eTot / gdp[t] : 0;
    ws.carbonIntensity[t] = gdp[t] > 0 ? cEnergy / gdp[t] : 0;
  }
}
