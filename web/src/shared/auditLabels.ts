import type { TFunction } from 'i18next';
import { zh } from '../i18n/zh.ts';

type ActionKey = keyof typeof zh.audit.actions;
type EntityKey = keyof typeof zh.audit.entityTypes;

export const actionLabel = (t: TFunction, a: string) => (a in zh.audit.actions ? t(`audit.actions.${a as ActionKey}`) : a);
export const entityTypeLabel = (t: TFunction, e: string) => (e in zh.audit.entityTypes ? t(`audit.entityTypes.${e as EntityKey}`) : e);
export const ENTITY_TYPES = Object.keys(zh.audit.entityTypes) as EntityKey[];
