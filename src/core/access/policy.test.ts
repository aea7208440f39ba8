import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, grantShapeProblem, mayEver, type Grant } from './policy.ts';
import { RegionTree } from '../regions/tree.ts';

// 1 四川省 ⊃ 2 泸州市 ⊃ 3 江阳区; 4 重庆市. Enterprise 10 in 3, enterprise 11 in 3, department 20 in 2.
const tree = new RegionTree([{ id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 2 }, { id: 4, parentId: null }]);
const ent10 = { regionId: 3, organisationId: 10, confidential: true };
const ent11 = { regionId: 3, organisationId: 11, confidential: true };
const dept20 = { regionId: 2, organisationId: 20 };
const g = (role: Grant['role'], regionId: number | null, organisationId: number | null = null): Grant[] => [{ role, regionId, organisationId }];

test('an enterprise sees itself and public bodies, never another enterprise', () => {
  assert.equal(can(g('enterprise', 3, 10), 'organisation.read', ent10, tree), true);
  assert.equal(can(g('enterprise', 3, 10), 'organisation.read', ent11, tree), false);
  assert.equal(can(g('enterprise', 3, 10), 'organisation.read', dept20, tree), true);
});

test('an office reaches its region and below, not a sibling province', () => {
  assert.equal(can(g('office', 2), 'organisation.write', ent10, tree), true);
  assert.equal(can(g('office', 3), 'organisation.write', dept20, tree), false);
  assert.equal(can(g('office', 4), 'organisation.read', ent10, tree), false);
  assert.equal(can(g('office', 4), 'organisation.read', dept20, tree), true); // public body
});

test('departments and viewers do not read confidential enterprise data', () => {
  assert.equal(can(g('department', 2, 20), 'organisation.read', ent10, tree), false);
  assert.equal(can(g('viewer', 1), 'organisation.read', ent10, tree), false);
  assert.equal(can(g('verifier', 2), 'organisation.read', ent10, tree), true);
});

test('admin-only actions', () => {
  for (const role of ['office', 'department', 'district', 'enterprise', 'verifier', 'viewer'] as const) {
    assert.equal(can(g(role, 1, 10), 'user.manage', {}, tree), false, role);
    assert.equal(mayEver(g(role, 1, 10), 'audit.verify'), false, role);
  }
  assert.equal(can(g('admin', null), 'user.manage', {}, tree), true);
});

test('grant shapes', () => {
  assert.equal(grantShapeProblem({ role: 'office', regionId: null, organisationId: null }), 'region');
  assert.equal(grantShapeProblem({ role: 'enterprise', regionId: 3, organisationId: null }), 'organisation');
  assert.equal(grantShapeProblem({ role: 'admin', regionId: null, organisationId: null }), null);
});
