import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePlan } from '../core/plans/index.ts';
import { parseInput } from '../core/validation.ts';
import { PlanImport } from '../contracts/plans.ts';
import { applyReview, SEED_PLANS, type PlanReview } from './seed-plans.ts';

// The reviews in ./plans were made against the parser's draft of each seed. If the parser changes, its
// target ids may shift; this test says so instead of letting a review silently apply to the wrong targets.
for (const seed of SEED_PLANS) {
  test(`review of ${seed.file} covers the parser's draft exactly and yields a valid plan`, () => {
    const text = readFileSync(new URL(`../../assets/plans/${seed.file}`, import.meta.url), 'utf8');
    const review = JSON.parse(readFileSync(new URL(`./plans/${seed.file.replace('.txt', '.review.json')}`, import.meta.url), 'utf8')) as PlanReview;
    const draft = parsePlan(text);
    const decided = [...(review.targets.accept ?? []), ...Object.keys(review.targets.edit ?? {}), ...Object.keys(review.targets.reject ?? {})];
    assert.deepEqual([...decided].sort(), draft.targets.map((t) => t.id).sort(), 'each draft target decided exactly once');
    for (const [ref, e] of Object.entries(review.targets.edit ?? {})) {
      const t = draft.targets.find((x) => x.id === ref)!;
      assert.ok(Object.keys(e).length > 0, `${ref}: an edit changes something`);
      assert.ok(t, ref);
    }
    const plan = parseInput(PlanImport, applyReview(draft, text, seed, review));
    for (const t of plan.targets.filter((x) => x.ref.startsWith('R'))) assert.ok(t.span, `${t.ref}: added quote found in the text`);
    assert.equal(plan.regionCode, seed.regionCode);
  });
}
