/**
 * The plan model of a carbon-peak implementation plan (碳达峰实施方案) as produced by the plan-text import:
 * a draft for human review. Every extracted item carries the span of the original text it came from, so
 * the review screen can highlight it. Offsets are UTF-16 code-unit offsets into the ORIGINAL text that was
 * given to `parsePlan` (before any normalisation: traditional characters, full-width digits, spaces…).
 */

/** Half-open range [start, end) of UTF-16 code units in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** How a target value is bounded in the text. */
export type Qualifier =
  | 'about' /** 左右 */
  | 'or_more' /** 以上 (≥) */
  | 'or_less' /** 以下 (≤) */
  | 'within' /** 以内 / 之内 / 控制在…以内 */
  | 'not_less_than' /** 不低于 / 不少于 */
  | 'not_more_than' /** 不超过 / 不高于 / 不大于 */
  | 'more_than' /** 超过 / 高于 / 突破 (>) */
  | 'less_than' /** 低于 (<) */
  | 'exact';

/** How binding the commitment is. */
export type Strength = 'strive' /** 力争 / 争取 / 努力 */ | 'ensure' /** 确保 / 务必 */ | 'plain';

/**
 * What the value means:
 * - level: the indicator reaches the value (森林覆盖率达到46.4%)
 * - share: a share/proportion reaches the value (非化石能源消费比重达到31.5%)
 * - reduction: decrease vs a base year (单位地区生产总值能源消耗比2020年下降14.5%)
 * - increase: increase vs a base year, an addition (新增装机35万千瓦) or an annual growth rate
 * - cap: a ceiling that must not be exceeded (原煤消费量不超过620万吨)
 * - cumulative: a total accumulated over a period (“十四五”期间累计…800万平方米)
 */
export type TargetKind = 'level' | 'share' | 'reduction' | 'increase' | 'cap' | 'cumulative';

/** Where the target year came from. */
export type YearSource = 'explicit' /** 到2025年 */ | 'period' /** “十四五”期间 / 末 */ | 'none';

export interface TargetDraft {
  /** `T1`, `T2`, … in document order. */
  id: string;
  /** Code of the matched catalogue indicator, or null when no catalogue indicator fits. */
  indicatorCode: string | null;
  /** zh name of the catalogue indicator, or the phrase itself when unmatched. */
  indicatorName: string;
  /** The subject phrase as read in the (simplified) text, e.g. `非化石能源消费比重`. */
  indicatorPhrase: string;
  /** Target year (2025 for “十四五”), or null when the text gives none (standing requirement). */
  year: number | null;
  yearSource: YearSource;
  /** The value in `unit` (scaled to the catalogue unit when the indicator is known), null when deferred. */
  value: number | null;
  /** Upper end when the text gives a range (`3-5个`); `value` is then the lower end. */
  valueMax: number | null;
  unit: string | null;
  /** The number and unit exactly as written (after normalisation), e.g. `0.6` and `亿千瓦`. */
  valueAsWritten: string | null;
  unitAsWritten: string | null;
  qualifier: Qualifier;
  /** The qualifier words found, e.g. `左右`, `不超过`, `控制在…以内`; empty for exact. */
  qualifierText: string;
  strength: Strength;
  strengthText: string;
  kind: TargetKind;
  /** True for annual rates (`年均增长15%`). */
  annual: boolean;
  baselineYear: number | null;
  /** True when the base year was not written but inferred (a 2025 reduction is against 2020). */
  baselineInferred: boolean;
  baselineValue: number | null;
  /**
   * Set when the plan defers the value to the higher level (`完成省下达目标`): the indicator and year are
   * known, the value must be taken from the higher plan.
   */
  deferredTo: 'higher_level' | null;
  /** True when the target is stated in the 主要目标 / 工作目标 section. */
  main: boolean;
  /** The clause the target was read from (simplified, normalised). */
  quote: string;
  /** The same clause in the original text (e.g. in traditional characters). */
  quoteOriginal: string;
  /** Where the quote is in the original text. */
  span: Span;
  /** Heading path of the section, e.g. `二、碳达峰重点行动 > （一）能源绿色低碳转型行动 > 1.推动能源消费低碳化`. */
  section: string;
  /** Task the target belongs to, if any. */
  taskId: string | null;
  /** Other places where the same target is repeated (deduplicated). */
  repeats: Span[];
}

/** Lead/cooperating/responsible units of a task, and how they were written. */
export type UnitNotation =
  | 'lead_and_others' /** （X牵头，Y等按职责分工负责） */
  | 'responsible_label' /** （责任单位：A、B） */
  | 'group_first_lead' /** 责任单位：A、B；C、D；两省市列首位的为牵头单位 */
  | 'comma_lead' /** ［责任单位：A、B，C；逗号前为牵头单位］ */
  | 'roles' /** （A牵头，B配合，C支持） */
  | 'responsible_only' /** （A、B等按职责分工负责） */
  | 'bare_list' /** （A、B、C） */
  | 'none';

export interface TaskUnits {
  /** 牵头单位 */
  lead: string[];
  /** 配合单位 (and the others named after a lead) */
  cooperating: string[];
  /** 支持单位 (`…支持`) */
  supporting: string[];
  /** Units named without any lead (`（责任单位：A、B）`, `（A、B等按职责分工负责）`). */
  responsible: string[];
  notation: UnitNotation;
  /** The notation as written (simplified), e.g. `（经济信息局牵头，发展改革局等按职责分工负责）`. */
  raw: string;
  /** Where the notation is in the original text; null when there is none. */
  unitSpan: Span | null;
}

export interface TaskDraft extends TaskUnits {
  /** Path id, e.g. `3.2` = action 3, task 2; `S5.1` for tasks outside the action sections. */
  id: string;
  /** Number as written (`1`, `（三）`), or null for un-numbered paragraph tasks. */
  number: string | null;
  title: string;
  /** Index into `PlanDraft.actions`, or null for tasks in other sections (保障措施 with units). */
  actionIndex: number | null;
  /** Latest target year named in the task (its deadline), or null. */
  deadline: number | null;
  /** Ids of the targets stated inside this task (its quantitative sub-targets). */
  targetIds: string[];
  /** True when the task text contains unreadable (mojibake) characters. */
  damaged: boolean;
  section: string;
  span: Span;
}

export interface ActionDraft {
  /** 0-based position in `PlanDraft.actions`. */
  index: number;
  /** Number as written: `（一）`, `三、`. */
  number: string;
  title: string;
  /** Title of the enclosing top-level section, e.g. `三、重点任务`, or '' when the action is top-level. */
  parent: string;
  taskIds: string[];
  span: Span;
}

export type WarningCode =
  | 'empty_text'
  | 'traditional_converted'
  | 'mojibake'
  | 'one_line_resplit'
  | 'no_title'
  | 'no_region'
  | 'no_issue_date'
  | 'doc_number_reconstructed'
  | 'no_actions'
  | 'unclosed_unit_notation'
  | 'damaged_unit'
  | 'no_targets';

export interface ParseWarning {
  code: WarningCode;
  severity: 'info' | 'warning';
  zh: string;
  en: string;
  /** Location in the original text, when the warning is about a place. */
  span?: Span;
  /** 1-based line and column of `span.start` in the original text. */
  line?: number;
  column?: number;
  /** A short excerpt of the original text around the place. */
  excerpt?: string;
  section?: string;
}

export type PlanStatus = 'final' | 'draft' /** 征求意见稿 / 草案 */ | 'trial' /** 试行 */;

export interface OutlineEntry {
  level: 1 | 2 | 3 | 4;
  number: string;
  title: string;
  span: Span;
}

export interface PlanDraft {
  title: string | null;
  /** Region name as written in the plan (e.g. `泸州市`, `宁夏回族自治区`), or null. */
  region: string | null;
  /** Issuing bodies, e.g. [`重庆市人民政府办公厅`, `四川省人民政府办公厅`]. */
  issuers: string[];
  /** 文号 as written, e.g. `泸市府发〔2024〕2号`, or null. */
  docNumber: string | null;
  /** Issue date as ISO `YYYY-MM-DD`, or null. */
  issued: string | null;
  status: PlanStatus;
  /** Script of the input: traditional texts are converted to simplified for parsing. */
  script: 'simplified' | 'traditional';
  targets: TargetDraft[];
  actions: ActionDraft[];
  tasks: TaskDraft[];
  outline: OutlineEntry[];
  warnings: ParseWarning[];
}
