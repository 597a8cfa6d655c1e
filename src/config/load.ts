// Reading and validating the YAML config, and where it lives by default.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_LATENCY, DEFAULT_SLOS, type SloSpec } from './defaults.js';
import { parseDuration } from '../lib/duration.js';
import {
  ConfigError,
  DEFAULT_LOG_CAPACITY,
  DEFAULT_TAIL_LINES,
  DEFAULT_TIMING,
  type HiveConfig,
  type SourceTiming,
} from './config.js';
import { keymapFromConfig } from './keys.js';
import { configSchema, type RawConfig, type SloEntry } from './schema.js';
import { defaultAuditPath, defaultUser } from './paths.js';

export { defaultAuditPath, defaultConfigPath, defaultUser } from './paths.js';

export { ConfigError, type HiveConfig } from './config.js';

export const DEFAULT_PRODUCTION_PATTERN = 'prod';

/** The config used when there is no file at all: default kubeconfig, every other backend "not configured". */
export function defaultConfig(): HiveConfig {
  return resolveConfig({}, process.cwd());
}

export function loadConfig(path: string): HiveConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new ConfigError(`${path}: cannot read config: ${why}`);
  }
  return parseConfig(text, dirname(resolve(path)), path);
}

/** Parse config text; relative paths in it (kubeconfig) are resolved against `baseDir`. */
export function parseConfig(text: string, baseDir: string, label = 'config'): HiveConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const where = first?.linePos?.[0] ? ` (line ${first.linePos[0].line})` : '';
    throw new ConfigError(`${label}: invalid YAML${where}: ${(first?.message.split('\n')[0] ?? 'parse error').replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${label}: the top level must be a mapping`);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, raw));
  return resolveConfig(parsed.data, baseDir);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

const joinPath = (path: readonly PropertyKey[]): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') || '(top level)';

function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(raw, issue.path);
      if (actual === undefined) return 'is required';
      const expected = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
      return `must be ${expected}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
    case 'too_big':
    case 'custom':
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  const lines = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => `${joinPath([...issue.path, k])}: unknown key`).join('\n');
    }
    return `${joinPath(issue.path)}: ${describe(issue, raw)}`;
  });
  return lines.join('\n');
}

function timingOf(
  section: { interval?: string | undefined; timeout?: string | undefined } | undefined,
  fallback: SourceTiming,
): SourceTiming {
  return {
    intervalMs: section?.interval ? (parseDuration(section.interval) ?? fallback.intervalMs) : fallback.intervalMs,
    timeoutMs: section?.timeout ? (parseDuration(section.timeout) ?? fallback.timeoutMs) : fallback.timeoutMs,
  };
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'slo';

/** A user SLO is either a full definition or a default's id plus overrides (e.g. a stricter target). */
function resolveSlo(entry: SloEntry, index: number): SloSpec {
  const at = `slos[${index}]`;
  const base = entry.id ? DEFAULT_SLOS.find((d) => d.id === entry.id) : undefined;
  const pick = <K extends keyof SloEntry>(key: K): SloEntry[K] => (entry[key] !== undefined ? entry[key] : undefined);
  const name = pick('name') ?? base?.name;
  const query = pick('query') ?? base?.query;
  const target = pick('target') ?? base?.target;
  const comparator = pick('comparator') ?? base?.comparator;
  const unit = pick('unit') ?? base?.unit;
  for (const [key, value] of Object.entries({ name, query, target, comparator, unit })) {
    if (value === undefined) throw new ConfigError(`${at}.${key}: is required`);
  }
  const errorRatioQuery = pick('errorRatioQuery') ?? base?.errorRatioQuery;
  const objective = pick('objective') ?? base?.objective;
  if (errorRatioQuery !== undefined && objective === undefined) {
    throw new ConfigError(`${at}.objective: is required when errorRatioQuery is set`);
  }
  const spec: SloSpec = {
    id: entry.id ?? slug(name as string),
    name: name as string,
    unit: unit as SloSpec['unit'],
    query: query as string,
    target: target as number,
    comparator: comparator as SloSpec['comparator'],
    window: pick('window') ?? base?.window ?? '5m',
    burnWindow: pick('burnWindow') ?? base?.burnWindow ?? '1h',
    budgetWindow: pick('budgetWindow') ?? base?.budgetWindow ?? '30d',
  };
  if (errorRatioQuery !== undefined) spec.errorRatioQuery = errorRatioQuery;
  if (objective !== undefined) spec.objective = objective;
  return spec;
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

export function resolveConfig(raw: RawConfig, baseDir: string): HiveConfig {
  const k = raw.kubernetes;
  const slos = raw.slos ? raw.slos.map(resolveSlo) : DEFAULT_SLOS.map((s) => ({ ...s }));
  const ids = new Set<string>();
  slos.forEach((s, i) => {
    if (ids.has(s.id)) throw new ConfigError(`slos[${i}].id: duplicate id "${s.id}"`);
    ids.add(s.id);
  });
  const consensus = raw.consensus;
  return {
    kubernetes: {
      kubeconfig: k?.kubeconfig ? resolve(baseDir, expandHome(k.kubeconfig)) : null,
      context: k?.context ?? null,
      namespace: k?.namespace ?? null,
      ...timingOf(k, DEFAULT_TIMING.kubernetes),
    },
    prometheus: { url: raw.prometheus?.url ?? null, ...timingOf(raw.prometheus, DEFAULT_TIMING.prometheus) },
    alertmanager: { url: raw.alertmanager?.url ?? null, ...timingOf(raw.alertmanager, DEFAULT_TIMING.alertmanager) },
    loki: { url: raw.loki?.url ?? null, errorQuery: raw.loki?.errorQuery ?? null, ...timingOf(raw.loki, DEFAULT_TIMING.loki) },
    consensus: {
      mode: consensus?.etcd ? 'etcd' : consensus?.http ? 'http' : null,
      endpoints: consensus?.etcd?.endpoints ?? consensus?.http?.endpoints ?? [],
      ...timingOf(consensus, DEFAULT_TIMING.consensus),
    },
    slos,
    latency: { ...DEFAULT_LATENCY, ...stripUndefined(raw.latency ?? {}) },
    logs: {
      capacity: raw.logs?.capacity ?? DEFAULT_LOG_CAPACITY,
      tailLines: raw.logs?.tailLines ?? DEFAULT_TAIL_LINES,
    },
    readOnly: raw.readOnly ?? false,
    lowBandwidth: raw.lowBandwidth ?? false,
    ascii: raw.ascii ?? null,
    audit: { path: raw.audit?.path ? resolve(baseDir, expandHome(raw.audit.path)) : defaultAuditPath() },
    production: { pattern: raw.production?.pattern ?? DEFAULT_PRODUCTION_PATTERN },
    user: raw.user ?? defaultUser(),
    keymap: keymapFromConfig(raw),
  };
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Command-line flags win over the file. */
export function applyOverrides(
  config: HiveConfig,
  flags: { context?: string | undefined; namespace?: string | undefined; readOnly?: boolean | undefined },
): HiveConfig {
  return {
    ...config,
    // --read-only can only tighten: a file's `readOnly: true` is not undone by leaving the flag out
    readOnly: config.readOnly || flags.readOnly === true,
    kubernetes: {
      ...config.kubernetes,
      context: flags.context ?? config.kubernetes.context,
      namespace: flags.namespace ?? config.kubernetes.namespace,
    },
  };
}
