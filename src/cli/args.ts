// Command-line parsing: a small strict parser (no dependency) whose errors say what was wrong and how to
// get help. Anything unknown is an error rather than silently ignored. Scenario and role names belong to
// the simulator, which is loaded only when needed: src/cli/main.ts checks them against its catalog.

import type { DisplayFlags } from '../app/display.js';
import { parseDuration } from '../lib/duration.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}


export const DEFAULT_ROTATE_MS = 15_000;
export const DEFAULT_STALE_AFTER_MS = 60_000;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'live'; config: string | null; context: string | null; namespace: string | null; readOnly: boolean; display: DisplayFlags }
  | { kind: 'demo'; scenario: string; seed: number; readOnly: boolean; rbac: string; display: DisplayFlags }
  | { kind: 'simulate'; port: number; scenario: string; seed: number; out: string | null; rbac: string; hostile: boolean }
  | {
      kind: 'snapshot';
      demo: boolean;
      scenario: string;
      seed: number;
      config: string | null;
      context: string | null;
      namespace: string | null;
      width: number;
      height: number;
      format: 'text' | 'json';
      ascii: boolean;
    };

type FlagKind = 'string' | 'boolean';
const FLAGS: Record<string, FlagKind> = {
  config: 'string',
  context: 'string',
  namespace: 'string',
  'read-only': 'boolean',
  rbac: 'string',
  scenario: 'string',
  seed: 'string',
  port: 'string',
  out: 'string',
  demo: 'boolean',
  width: 'string',
  height: 'string',
  format: 'string',
  'low-bandwidth': 'boolean',
  wall: 'boolean',
  rotate: 'string',
  'stale-after': 'string',
  ascii: 'boolean',
  'no-color': 'boolean',
  hostile: 'boolean',
  help: 'boolean',
  version: 'boolean',
};
const SHORT: Record<string, string> = { h: 'help', V: 'version', c: 'config', n: 'namespace' };

const DISPLAY = ['low-bandwidth', 'wall', 'rotate', 'stale-after', 'ascii', 'no-color'];
const ALLOWED: Record<'live' | 'demo' | 'simulate' | 'snapshot', string[]> = {
  live: ['config', 'context', 'namespace', 'read-only', ...DISPLAY],
  demo: ['scenario', 'seed', 'read-only', 'rbac', ...DISPLAY],
  simulate: ['port', 'scenario', 'seed', 'out', 'rbac', 'hostile'],
  snapshot: ['demo', 'scenario', 'seed', 'config', 'context', 'namespace', 'width', 'height', 'format', 'ascii', 'no-color'],
};

export const DEFAULT_SCENARIO = 'crashloop';
export const DEFAULT_RBAC = 'admin';
export const DEFAULT_SEED = 42;

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}


type Values = Map<string, string | true>;

/** A positive duration flag in the config's grammar ("15s", "1m30s"), in ms. */
function durationFlag(flag: string, text: string, min = 1): number {
  const ms = parseDuration(text);
  if (ms === null || ms < min) throw new UsageError(`--${flag} must be a duration such as "15s" or "1m", got "${text}"`);
  return ms;
}

function displayFlags(values: Values): DisplayFlags {
  const wall = values.has('wall');
  for (const flag of ['rotate', 'stale-after']) {
    if (values.has(flag) && !wall) throw new UsageError(`--${flag} needs --wall`);
  }
  const text = (flag: string) => values.get(flag) as string | undefined;
  return {
    lowBandwidth: values.has('low-bandwidth'),
    wall: wall
      ? {
          rotateMs: text('rotate') === undefined ? DEFAULT_ROTATE_MS : durationFlag('rotate', text('rotate')!, 0),
          staleAfterMs: text('stale-after') === undefined ? DEFAULT_STALE_AFTER_MS : durationFlag('stale-after', text('stale-after')!),
        }
      : null,
    ascii: values.has('ascii'),
    noColor: values.has('no-color'),
  };
}

/** The flag an argument names, with its inline value, or null for a positional argument. */
function flagOf(arg: string): { name: string; inline: string | undefined } | null {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return eq >= 0 ? { name: arg.slice(2, eq), inline: arg.slice(eq + 1) } : { name: arg.slice(2), inline: undefined };
  }
  if (/^-[A-Za-z]$/.test(arg)) {
    const long = SHORT[arg.slice(1)];
    if (!long) throw new UsageError(`unknown flag ${arg}`);
    return { name: long, inline: undefined };
  }
  if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag ${arg}`);
  return null;
}

/** argv split into flag values and positional arguments, every flag known and given once. */
function tokenize(argv: readonly string[]): { values: Values; positionals: string[] } {
  const values: Values = new Map();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const flag = flagOf(arg);
    if (!flag) {
      positionals.push(arg);
      continue;
    }
    const { name, inline } = flag;
    const kind = FLAGS[name];
    if (!kind) throw new UsageError(`unknown flag --${name}`);
    if (values.has(name)) throw new UsageError(`--${name} given twice`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      values.set(name, true);
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    }
  }
  return { values, positionals };
}

export function parseArgs(argv: readonly string[]): Command {
  const { values, positionals } = tokenize(argv);
  if (values.has('help')) return { kind: 'help' };
  if (values.has('version')) return { kind: 'version' };

  const [commandName, ...extra] = positionals;
  const kind = commandName === undefined ? 'live' : commandName;
  if (kind !== 'live' && kind !== 'demo' && kind !== 'simulate' && kind !== 'snapshot') {
    throw new UsageError(`unknown command "${commandName}" (commands: demo, simulate, snapshot; none for live mode)`);
  }
  if (commandName === 'live') throw new UsageError('unknown command "live" (run hive-oncall without a command for live mode)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  for (const flag of values.keys()) {
    if (!ALLOWED[kind].includes(flag)) {
      throw new UsageError(`--${flag} does not apply to ${kind === 'live' ? 'live mode' : `"${kind}"`}`);
    }
  }

  const str = (flag: string): string | null => {
    const v = values.get(flag);
    return typeof v === 'string' ? v : null;
  };
  const seed = () => (str('seed') === null ? DEFAULT_SEED : integer('seed', str('seed')!, 0, 2 ** 31 - 1));

  switch (kind) {
    case 'live':
      return { kind, config: str('config'), context: str('context'), namespace: str('namespace'), readOnly: values.has('read-only'), display: displayFlags(values) };
    case 'demo':
      return {
        kind,
        scenario: str('scenario') ?? DEFAULT_SCENARIO,
        seed: seed(),
        readOnly: values.has('read-only'),
        rbac: str('rbac') ?? DEFAULT_RBAC,
        display: displayFlags(values),
      };
    case 'simulate':
      return {
        kind,
        port: str('port') === null ? 0 : integer('port', str('port')!, 0, 65535),
        scenario: str('scenario') ?? DEFAULT_SCENARIO,
        seed: seed(),
        out: str('out'),
        rbac: str('rbac') ?? DEFAULT_RBAC,
        hostile: values.has('hostile'),
      };
    case 'snapshot': {
      const demo = values.has('demo');
      if (!demo && (values.has('scenario') || values.has('seed'))) throw new UsageError('--scenario and --seed need --demo');
      if (demo && values.has('config')) throw new UsageError('--config and --demo cannot be combined');
      const format = str('format') ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
      return {
        kind,
        demo,
        scenario: str('scenario') ?? DEFAULT_SCENARIO,
        seed: seed(),
        config: str('config'),
        context: str('context'),
        namespace: str('namespace'),
        width: str('width') === null ? 120 : integer('width', str('width')!, 40, 1000),
        height: str('height') === null ? 40 : integer('height', str('height')!, 10, 1000),
        format,
        ascii: values.has('ascii'),
      };
    }
  }
}
