/**
 * Actions and tasks from the outline. Actions are, in this order of preference:
 * (a) second-level sections named `…行动` outside the preamble and goals (the 十大行动 of most plans);
 * (b) otherwise the second-level sections of a `重点任务` / `主要任务` / `主要措施` section;
 * (c) otherwise the top-level sections that are neither preamble, goals nor support (`三、加快产业结构…`).
 * Tasks are the sub-sections of an action (`1.`, `（一）`); an action without sub-sections has one task per
 * paragraph (万盛: `推动工业绿色低碳高质量发展。…（经济信息局牵头，…）`). Sections outside the actions
 * (保障措施, 组织实施) give tasks only where they name responsible units.
 */
import type { OutlineNode, Paragraph } from './outline.ts';
import { subtreeParas, titleOf, walk } from './outline.ts';

export type SectionRole = 'preamble' | 'goals' | 'tasks' | 'support' | 'other';

/** Role of a section from its title. */
export function sectionRole(title: string): SectionRole {
  if (/目标/.test(title) && !/(任务|措施|行动|举措)/.test(title)) return 'goals';
  if (/(总体要求|指导思想|基本原则|工作原则|总体思路|实施路径|总体部署|重要意义|发展基础|面临形势|现状)/.test(title)) return 'preamble';
  if (/(保障|组织实施|组织领导|实施机制|监督考核|政策措施|支撑体系)/.test(title) && !/行动/.test(title)) return 'support';
  if (/(任务|行动|措施|举措|重点工作)/.test(title)) return 'tasks';
  return 'other';
}

export interface TaskSpec {
  /** The task's section, or null for a paragraph task. */
  node: OutlineNode | null;
  /** Paragraphs of the task (section subtree, or the single paragraph). */
  paras: number[];
  actionIndex: number | null;
  number: string | null;
  title: string;
  /** The node whose heading path locates the task. */
  sectionNode: OutlineNode;
}

export interface Structure {
  actions: OutlineNode[];
  tasks: TaskSpec[];
  /** True when the paragraph belongs to a goals section (主要目标). */
  isGoal: (para: number) => boolean;
}

function topOf(n: OutlineNode): OutlineNode {
  let t = n;
  while (t.parent && t.parent.level !== 0) t = t.parent;
  return t;
}

function title(n: OutlineNode): string {
  return n.heading?.title ?? '';
}

function findActions(root: OutlineNode): OutlineNode[] {
  const all = walk(root);
  const excluded = (n: OutlineNode) => ['preamble', 'goals'].includes(sectionRole(title(topOf(n))));
  const named = all.filter((n) => n.level === 2 && /行动$/.test(title(n).replace(/[。．.]$/, '')) && !excluded(n));
  if (named.length >= 2) return named;
  const namedTop = all.filter((n) => n.level === 1 && /行动$/.test(title(n).replace(/[。．.]$/, '')));
  if (namedTop.length >= 2) return namedTop;
  const taskSections = root.children.filter((n) => n.level === 1 && sectionRole(title(n)) === 'tasks' && n.children.some((c) => c.level === 2));
  if (taskSections.length) return taskSections.flatMap((n) => n.children.filter((c) => c.level === 2));
  const top = root.children.filter((n) => n.level === 1);
  const pool = top.length ? top : root.children.filter((n) => n.level === 2);
  return pool.filter((n) => ['other', 'tasks'].includes(sectionRole(title(n))));
}

/** Builds actions and tasks. `hasUnits` tells whether some paragraphs of a node name responsible units. */
export function buildStructure(root: OutlineNode, paras: Paragraph[], hasUnits: (paraIdx: number[]) => boolean): Structure {
  const actions = findActions(root);
  const actionSet = new Set(actions);
  const tasks: TaskSpec[] = [];
  actions.forEach((a, ai) => {
    if (a.children.length) {
      for (const c of a.children) {
        tasks.push({ node: c, paras: subtreeParas(c), actionIndex: ai, number: c.heading?.marker ?? null, title: title(c), sectionNode: c });
      }
      return;
    }
    const body = a.paras.filter((p) => p !== a.para);
    if (body.length) {
      for (const p of body) tasks.push({ node: null, paras: [p], actionIndex: ai, number: null, title: titleOf(paras[p].text).title, sectionNode: a });
    } else if (a.heading && a.heading.bodyStart < paras[a.para].text.length) {
      tasks.push({ node: a, paras: [a.para], actionIndex: ai, number: null, title: title(a), sectionNode: a });
    }
  });
  // Units named outside the actions (保障措施, 组织实施…).
  const insideAction = (n: OutlineNode) => {
    for (let x: OutlineNode | null = n; x; x = x.parent) if (actionSet.has(x)) return true;
    return false;
  };
  const containsAction = (n: OutlineNode) => walk(n).some((c) => actionSet.has(c));
  for (const top of root.children) {
    if (insideAction(top) || ['preamble', 'goals'].includes(sectionRole(title(top)))) continue;
    const candidates = top.children.length ? top.children : [top];
    for (const c of candidates) {
      if (insideAction(c) || containsAction(c) || sectionRole(title(c)) === 'goals') continue;
      const ps = subtreeParas(c);
      if (hasUnits(ps)) tasks.push({ node: c, paras: ps, actionIndex: null, number: c.heading?.marker ?? null, title: title(c), sectionNode: c });
    }
  }
  tasks.sort((x, y) => x.paras[0] - y.paras[0]);
  const goal = new Set<number>();
  for (const n of walk(root)) {
    if (!insideAction(n) && sectionRole(title(n)) === 'goals') for (const p of subtreeParas(n)) goal.add(p);
  }
  return { actions, tasks, isGoal: (p) => goal.has(p) };
}
