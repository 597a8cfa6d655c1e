// Runs a parsed LogQL pipeline over one line: line filters, then json/logfmt extraction into labels (named as
// Loki names them, `_extracted` on a clash, `__error__` when the line does not parse), then label filters.
import { matchesAll, matchesValue } from '../alerts/matchers.js';
import type { LogQuery, Stage } from './logql.js';

export interface PipelineResult {
  labels: Record<string, string>;
  line: string;
}

function sanitizeName(name: string): string {
  const s = name.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

function addLabel(labels: Record<string, string>, original: Record<string, string>, name: string, value: string): void {
  let key = sanitizeName(name);
  if (key === '') return;
  if (key in original) key = `${key}_extracted`;
  if (!(key in labels) || !(key in original)) labels[key] = value;
}

function flatten(obj: Record<string, unknown>, prefix: string, out: [string, string][]): void {
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}_${k}` : k;
    if (v === null) out.push([name, '']);
    else if (typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, name, out);
    else if (!Array.isArray(v)) out.push([name, String(v)]);
  }
}

function parseJson(line: string): [string, string][] | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const out: [string, string][] = [];
  flatten(v as Record<string, unknown>, '', out);
  return out;
}

const LOGFMT_PAIR = /([^\s="]+)(?:=("(?:[^"\\]|\\.)*"|[^\s"]*))?/y;

function parseLogfmt(line: string): [string, string][] | null {
  const out: [string, string][] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    LOGFMT_PAIR.lastIndex = i;
    const m = LOGFMT_PAIR.exec(line);
    if (!m || m[0].length === 0) return null;
    let value = m[2] ?? '';
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        return null;
      }
    }
    out.push([m[1]!, value]);
    i = LOGFMT_PAIR.lastIndex;
  }
  return out;
}

function lineMatches(stage: Extract<Stage, { kind: 'line' }>, line: string): boolean {
  switch (stage.op) {
    case '|=':
      return stage.values.some((v) => line.includes(v));
    case '!=':
      return !stage.values.some((v) => line.includes(v));
    case '|~':
      return stage.res.some((re) => re.test(line));
    case '!~':
      return !stage.res.some((re) => re.test(line));
  }
}

export function selectorMatches(q: LogQuery, labels: Record<string, string>): boolean {
  return matchesAll(q.selector, labels);
}

/** null when a stage drops the line */
export function runPipeline(q: LogQuery, streamLabels: Record<string, string>, line: string): PipelineResult | null {
  let labels = streamLabels;
  let copied = false;
  for (const stage of q.stages) {
    if (stage.kind === 'line') {
      if (!lineMatches(stage, line)) return null;
      continue;
    }
    if (!copied) {
      labels = { ...streamLabels };
      copied = true;
    }
    if (stage.kind === 'label') {
      if (!matchesValue(stage.matcher, labels[stage.matcher.name])) return null;
      continue;
    }
    const pairs = stage.kind === 'json' ? parseJson(line) : parseLogfmt(line);
    if (pairs === null) {
      labels.__error__ = stage.kind === 'json' ? 'JSONParserErr' : 'LogfmtParserErr';
      continue;
    }
    for (const [k, v] of pairs) addLabel(labels, streamLabels, k, v);
  }
  return { labels, line };
}
