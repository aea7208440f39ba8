import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { parseScenarioFile } from './validate.ts';
import { constantRateFile, edited, mixedFile } from './test-fixtures.ts';

/** Asserts a bilingual DomainError with an issue on `field` whose English text contains `en`. */
function rejects(input: unknown, field: string, en: RegExp): void {
  assert.throws(() => parseScenarioFile(input), (e: unknown) => {
    assert.ok(e instanceof DomainError, 'DomainError');
    assert.equal(e.code, 'invalid_scenario');
    const issue = e.issues.find((i) => i.field === field);
    assert.ok(issue, `no issue on ${field}; got ${e.issues.map((i) => i.field).join(', ')}`);
    assert.match(issue.en, en);
    assert.ok(issue.en.startsWith(`${field}: `), 'English message names the field');
    assert.ok(issue.zh.startsWith(`${field}：`) && /[\u4e00-\u9fff]/.test(issue.zh), 'Chinese message names the field');
    return true;
  });
}

test('the demo sample and the fixtures are valid', () => {
  const sample = JSON.parse(readFileSync(new URL('./samples/demo-region.json', import.meta.url), 'utf8'));
  const file = parseScenarioFile(sample);
  assert.deepEqual(file.scenarios.map((s) => s.id), ['baseline', 'policy', 'enhanced']);
  assert.equal(file.baseYear, 2020);
  assert.equal(file.endYear, 2060);
  assert.equal(parseScenarioFile(mixedFile()).peakBasis, 'gross'); // default filled in
});

test('negative GDP is rejected naming base.gdp', () => {
  rejects(edited(mixedFile(), (x) => { x.base.gdp = -5; }), 'base.gdp', /greater than 0/);
});

test('negative GDP milestone and a growth rate written as a percentage are rejected', () => {
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { milestones: { 2030: -1 } }; }),
    'scenarios.0.drivers.gdp.milestones.2030', /must lie in \(0, \+∞\)/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { '2021-2030': 5.5 } }; }),
    'scenarios.0.drivers.gdp.growth.2021-2030', /a fraction: 0\.055 means 5\.5 %/);
});

test('probabilities and shares outside [0, 1] are rejected', () => {
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'pv', type: 'capacity', tech: 'pv', add: 5, start: 2021, end: 2022, probability: 1.5 }];
  }), 'scenarios.0.levers.0.probability', /at most 1/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'pv', type: 'capacity', tech: 'pv', add: 5, start: 2021, end: 2022, probability: -0.1 }];
  }), 'scenarios.0.levers.0.probability', /at least 0/);
  rejects(edited(mixedFile(), (x) => { x.base.valueAddedShare.industry = 1.2; }), 'base.valueAddedShare.industry', /at most 1/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gridNonFossilShare = { milestones: { 2030: 1.3 } }; }),
    'scenarios.0.drivers.gridNonFossilShare.milestones.2030', /share/);
  // A distribution for a share must stay inside [0, 1]: a normal needs truncation bounds.
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.gridNonFossilShare = { milestones: { 2030: { dist: 'normal', mean: 0.6, sd: 0.1 } } };
  }), 'scenarios.0.drivers.gridNonFossilShare.milestones.2030', /min\/max truncation bounds/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.gridNonFossilShare = { milestones: { 2030: { dist: 'uniform', min: 0.5, max: 1.1 } } };
  }), 'scenarios.0.drivers.gridNonFossilShare.milestones.2030', /must lie in \[0, 1\]/);
  rejects(edited(mixedFile(), (x) => { x.targets = [{ id: 'nf', metric: 'nonFossilShare', year: 2025, value: 25 }]; }),
    'targets.0.value', /fractions in \[0, 1\]/);
});

test('years outside the projection range are rejected', () => {
  rejects(edited(mixedFile(), (x) => { x.targets = [{ id: 'nf', metric: 'nonFossilShare', year: 2035, value: 0.3 }]; }),
    'targets.0.year', /outside the range 2021–2030/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'pv', type: 'capacity', tech: 'pv', add: 5, start: 2019, end: 2022 }];
  }), 'scenarios.0.levers.0.start', /year 2019 is outside/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { '2021-2031': 0.05 } }; }),
    'scenarios.0.drivers.gdp.growth.2021-2031', /2031 is outside/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.sinks = { milestones: { 2040: 30 } }; }),
    'scenarios.0.drivers.sinks.milestones.2040', /outside/);
  rejects(edited(mixedFile(), (x) => { x.lmdi = { periods: [[2020, 2031]] }; }), 'lmdi.periods.0.1', /outside/);
  rejects(edited(mixedFile(), (x) => { x.endYear = 2020; }), 'endYear', /after baseYear/);
});

test('growth periods must cover every year exactly once', () => {
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { '2021-2025': 0.05, '2027-2030': 0.04 } }; }),
    'scenarios.0.drivers.gdp.growth', /missing 2026/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { '2021-2025': 0.05, '2025-2030': 0.04 } }; }),
    'scenarios.0.drivers.gdp.growth.2025-2030', /overlaps period "2021-2025" in 2025/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { 'soon': 0.05 } }; }),
    'scenarios.0.drivers.gdp.growth.soon', /period such as/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growth: { '2021-2030': 0.05 }, milestones: { 2030: 2 } }; }),
    'scenarios.0.drivers.gdp', /exactly one of/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growthMilestones: {} }; }),
    'scenarios.0.drivers.gdp', /the path is empty/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.gdp = { growthMilestones: { 2035: 0.03 } }; }),
    'scenarios.0.drivers.gdp.growthMilestones.2035', /outside the range 2021–2030/);
});

test('unknown sectors, fuels, technologies and processes are rejected with the known ids', () => {
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'mining', perYear: -0.01, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.sector', /unknown sector "mining"; defined: industry, services, households/);
  rejects(edited(mixedFile(), (x) => { x.scenarios[0].drivers.intensity = { agriculture: { growth: { '2021-2030': -0.01 } } }; }),
    'scenarios.0.drivers.intensity.agriculture', /unknown sector/);
  rejects(edited(mixedFile(), (x) => { x.base.energy.industry.hydrogen = 3; }), 'base.energy.industry.hydrogen', /unknown fuel/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.fuelShifts = [{ sector: '*', from: ['coal'], to: 'lng', perYear: 0.01, start: 2021, end: 2030 }];
  }), 'scenarios.0.drivers.fuelShifts.0.to', /unknown fuel "lng"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'w', type: 'capacity', tech: 'wind', add: 5, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.tech', /unknown generation technology "wind"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'c', type: 'capture', process: 'steel', share: 0.3, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.process', /unknown industrial process/);
  rejects(edited(mixedFile(), (x) => { x.targets = [{ id: 'c', metric: 'fuelShare', fuel: 'peat', year: 2025, value: 0.1 }]; }),
    'targets.0.fuel', /unknown fuel "peat"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 's', type: 'structureShift', from: 'households', to: 'services', perYear: 0.01, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.from', /unknown value-added sector "households"/);
});

test('base data problems', () => {
  rejects(edited(mixedFile(), (x) => { x.base.valueAddedShare.services = 0.3; }), 'base.valueAddedShare', /add up to 1, got 0\.9000/);
  rejects(edited(mixedFile(), (x) => { delete x.base.energy.services; }), 'base.energy', /missing energy for sector\(s\): services/);
  rejects(edited(mixedFile(), (x) => { delete x.fuels[0].co2PerTce; }), 'fuels.0.co2PerTce', /need co2PerTce/);
  rejects(edited(mixedFile(), (x) => { x.fuels[3].co2PerTce = 1; }), 'fuels.3.co2PerTce', /remove co2PerTce/);
  rejects(edited(mixedFile(), (x) => { x.sectors[1].id = 'industry'; }), 'sectors.1.id', /duplicate id "industry"/);
  rejects(edited(mixedFile(), (x) => { x.base.valueAddedShare.households = 0.1; }), 'base.valueAddedShare.households', /population-driven/);
  rejects(edited(mixedFile(), (x) => { x.base.population = 'many'; }), 'base.population', /expected number, got string/);
  rejects(edited(mixedFile(), (x) => { x.base.colour = 'green'; }), 'base', /unknown field\(s\): colour/);
  rejects(edited(mixedFile(), (x) => { delete x.baseYear; }), 'baseYear', /required field is missing/);
});

test('scenario inheritance, drivers and levers problems', () => {
  rejects(edited(mixedFile(), (x) => { x.scenarios.push({ id: 'p', name: 'p', extends: 'nothing' }); }),
    'scenarios.1.extends', /unknown scenario "nothing"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios.push({ id: 'a', name: 'a', extends: 'b' }, { id: 'b', name: 'b', extends: 'a' });
  }), 'scenarios.1.extends', /cycle/);
  rejects(edited(mixedFile(), (x) => { delete x.scenarios[0].drivers.gdp; }), 'scenarios.0.drivers.gdp', /GDP path missing/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'x', type: 'teleport', start: 2021, end: 2022 }];
  }), 'scenarios.0.levers.0.type', /unknown type; expected "fuelShift"/);
  rejects(edited(mixedFile(), (x) => { x.scenarios.push({ id: 'p', name: 'p', extends: 'base', disableLevers: ['ghost'] }); }),
    'scenarios.1.disableLevers.0', /no inherited lever "ghost"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'pv', type: 'capacity', tech: 'pv', add: 5, start: 2025, end: 2022 }];
  }), 'scenarios.0.levers.0.end', /end 2022 is before start 2025/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'industry', perYear: { dist: 'triangular', min: -0.02, mode: -0.03, max: 0 }, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.perYear.mode', /mode must lie within/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'industry', perYear: { dist: 'lognormal', mean: 0 }, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.perYear.dist', /unknown dist; expected "normal" \| "triangular" \| "uniform"/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'industry', perYear: { dist: 'normal', mean: 'low', sd: 0.01 }, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.perYear.mean', /expected number, got string/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'industry', perYear: { dist: 'uniform', min: -0.02 }, start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.perYear.max', /required field is missing/);
  rejects(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'e', type: 'intensity', sector: 'industry', perYear: '-1%', start: 2021, end: 2025 }];
  }), 'scenarios.0.levers.0.perYear', /must be a number or a distribution object/);
});

test('an intensity level for a sector without base-year energy is rejected (its fuel mix is unknown)', () => {
  rejects(edited(mixedFile(), (x) => {
    x.base.energy.services = {};
    x.scenarios[0].drivers.intensity = { services: { milestones: { 2030: 0.1 } } };
  }), 'scenarios.0.drivers.intensity.services.milestones', /fuel mix is unknown/);
});

test('all problems are reported together, the first one in the main message', () => {
  const bad = edited(constantRateFile(), (x) => { x.base.gdp = -1; x.base.population = 0; });
  assert.throws(() => parseScenarioFile(bad), (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.equal(e.issues.length, 2);
    assert.equal(e.field, 'base.population');
    assert.match(e.en, /\(and 1 more\)/);
    assert.match(e.zh, /另有 1 处问题/);
    return true;
  });
});
