import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { TargetCreate, TargetOut, TargetPatch, TaskOut, TaskPatch } from '../../contracts/plans.ts';
import { createTarget, updateTarget, updateTaskStatus } from './items.ts';

export const planItemRoutes = [
  defineRoute({
    method: 'PATCH', url: '/api/targets/:id', tag: 'plans', access: 'plan.write', summary: 'Correct or review a target',
    params: IdParams, body: TargetPatch, response: TargetOut,
    handler: ({ ctx, principal, params, body }) => updateTarget(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/targets', tag: 'plans', access: 'plan.write', status: 201, summary: 'Add a target to a plan by hand',
    body: TargetCreate, response: TargetOut,
    handler: ({ ctx, principal, body }) => createTarget(ctx, principal, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/tasks/:id', tag: 'plans', access: 'task.update', summary: 'Set the status of a task (its departments, or the office)',
    params: IdParams, body: TaskPatch, response: TaskOut,
    handler: ({ ctx, principal, params, body }) => updateTaskStatus(ctx, principal, params.id, body.status),
  }),
];
