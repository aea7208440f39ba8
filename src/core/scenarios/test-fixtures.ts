/**
 * Small hand-checkable scenario files for the tests (not used by the engine). Every number here is chosen
 * so that expected results can be worked out on paper; the tests carry the working.
 */

type Json = Record<string, unknown>;

/**
 * One value-added sector (industry, 100 % of GDP), one fuel (coal, 2.5 tCO2/tce).
 * Base 2020: population 10, GDP 100, industry coal 50 万tce → intensity 0.5, CO2 125.
 * GDP growth 6 % (2021–2025), 4 % (2026–2030), 2 % (2031–2040); intensity −4 % a year; population flat.
 */
export function constantRateFile(): Json {
  return {
    format: 'shuangtan.scenario/v1',
    region: { name: '测试区', nameEn: 'Test region' },
    baseYear: 2020,
    endYear: 2040,
    fuels: [{ id: 'coal', name: '煤炭', kind: 'fossil', co2PerTce: 2.5 }],
    electricity: { kgcePerKWh: 0.3 },
    sectors: [{ id: 'industry', name: '工业', driver: 'valueAdded' }],
    base: {
      population: 10, gdp: 100, valueAddedShare: { industry: 1 },
      energy: { industry: { coal: 50 } }, gridFactor: 0.6,
    },
    scenarios: [{
      id: 'base', name: '基准',
      drivers: {
        population: { growth: { '2021-2040': 0 } },
        gdp: { growth: { '2021-2025': 0.06, '2026-2030': 0.04, '2031-2040': 0.02 } },
        intensity: { industry: { growth: { '2021-2040': -0.04 } } },
      },
    }],
  };
}

/**
 * Three sectors, five fuels, electricity with local PV, a process and sinks.
 * Base 2020: population 100, GDP 1000 (industry 60 %, services 40 %), households by population.
 *   industry:   coal 100, electricity 50          services: electricity 20, gas 10
 *   households: electricity 10, biomass 5         (万tce)
 * Electricity 0.3 kgce/kWh, grid 0.6 tCO2/MWh with 40 % non-fossil; PV 100 万kW × 1000 h.
 * Process: clinker 10 万t × 0.5 tCO2/t in industry. Sinks 20.
 * Everything constant over 2021–2030 unless a test adds drivers or levers.
 */
export function mixedFile(): Json {
  return {
    format: 'shuangtan.scenario/v1',
    region: { name: '测试市' },
    baseYear: 2020,
    endYear: 2030,
    fuels: [
      { id: 'coal', name: '煤炭', kind: 'fossil', co2PerTce: 2.6 },
      { id: 'gas', name: '天然气', kind: 'fossil', co2PerTce: 1.6 },
      { id: 'oil', name: '油品', kind: 'fossil', co2PerTce: 2.1 },
      { id: 'electricity', name: '电力', kind: 'electricity' },
      { id: 'biomass', name: '生物质', kind: 'nonFossil' },
    ],
    electricity: { kgcePerKWh: 0.3 },
    sectors: [
      { id: 'industry', name: '工业', driver: 'valueAdded' },
      { id: 'services', name: '服务业', driver: 'valueAdded' },
      { id: 'households', name: '居民', driver: 'population' },
    ],
    base: {
      population: 100, gdp: 1000, valueAddedShare: { industry: 0.6, services: 0.4 },
      energy: {
        industry: { coal: 100, electricity: 50 },
        services: { electricity: 20, gas: 10 },
        households: { electricity: 10, biomass: 5 },
      },
      gridFactor: 0.6, gridNonFossilShare: 0.4,
      generation: [{ id: 'pv', name: '光伏', capacity: 100, hours: 1000 }],
      processes: [{ id: 'clinker', name: '熟料', sector: 'industry', activity: 10, co2PerUnit: 0.5 }],
      sinks: 20,
    },
    scenarios: [{
      id: 'base', name: '基准',
      drivers: {
        population: { growth: { '2021-2030': 0 } },
        gdp: { growth: { '2021-2030': 0 } },
      },
    }],
  };
}

/** Deep copy of a fixture with `edit` applied (tests mutate their own copy). */
export function edited(base: Json, edit: (f: any) => void): Json {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}
