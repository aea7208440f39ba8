import { DomainError } from '../core/errors.ts';
import { IssueList } from '../core/validation.ts';
import { CSV_COLUMNS, INGEST_MAX_ROWS } from '../contracts/ingest.ts';

/** One CSV record and the line it starts on (1 = the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records: comma-separated, fields optionally in double quotes ("" inside quotes is a quote, and a
 * quoted field may span lines). A BOM is dropped, CRLF and LF both end a line, blank lines are skipped,
 * unquoted fields are trimmed.
 */
export function splitCsv(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') out.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inQuotes) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = inQuotes = true;
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else if (!(quoted && (c === ' ' || c === '\t'))) cell += c;
  }
  endRecord();
  return out;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV batch → the same objects a JSON batch carries, and the CSV line of each (for messages). Cells are
 * text: value becomes a number when it reads as one (else it stays text and the schema names it), empty
 * kind and flag are absent. The header must name mn, time, factor and value; kind and flag are optional.
 */
export function csvReadings(text: string): { readings: Array<Record<string, unknown>>; lines: number[] } {
  if (text.includes('\uFFFD')) {
    throw new DomainError('not_utf8', { field: 'body', zh: 'CSV 须为 UTF-8 编码（不支持 GBK）', en: 'CSV must be UTF-8 (GBK is not supported)' });
  }
  const records = splitCsv(text);
  const header = records.shift();
  const issues = new IssueList();
  const cols = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  cols.forEach((c, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) issues.add(['header', i], `未知列“${c.slice(0, 40)}”，可用列：${CSV_COLUMNS.join(',')}`, `unknown column "${c.slice(0, 40)}"; columns are ${CSV_COLUMNS.join(',')}`);
    else if (cols.indexOf(c) !== i) issues.add(['header', i], `列 ${c} 重复`, `column ${c} appears twice`);
  });
  for (const need of ['mn', 'time', 'factor', 'value']) {
    if (header && !cols.includes(need)) issues.add(['header'], `缺少列 ${need}`, `column ${need} is missing`);
  }
  if (!header || !records.length) issues.add(['readings'], '没有数据行（第 1 行为表头 mn,time,factor,kind,value,flag）', 'no data lines (line 1 is the header mn,time,factor,kind,value,flag)');
  if (records.length > INGEST_MAX_ROWS) issues.add(['readings'], `一次最多 ${INGEST_MAX_ROWS} 行，收到 ${records.length} 行`, `at most ${INGEST_MAX_ROWS} lines at a time, got ${records.length}`);
  issues.throwIfAny('invalid_csv');
  const readings: Array<Record<string, unknown>> = [];
  const lines: number[] = [];
  for (const r of records) {
    if (r.cells.length !== cols.length) {
      issues.add(['line', r.line], `有 ${r.cells.length} 列，表头有 ${cols.length} 列`, `has ${r.cells.length} fields, the header has ${cols.length}`);
      if (issues.items.length >= 100) break;
      continue;
    }
    const o: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      const v = r.cells[i];
      if (c === 'value') o.value = v === '' ? undefined : NUMBER.test(v) ? Number(v) : v;
      else if (v !== '') o[c] = v;
    });
    readings.push(o);
    lines.push(r.line);
  }
  issues.throwIfAny('invalid_csv');
  return { readings, lines };
}
