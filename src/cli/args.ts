// Command-line parsing: a small strict parser (no dependency) whose errors say what was wrong and how to
// get help. Anything unknown is an error rather than silently ignored.
import { SCENARIOS, type ScenarioName } from '../demo/contracts.js';
import { RBAC_ROLES, type RbacRole } from '../demo/rbac.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'live'; config: string | null; context: string | null; namespace: string | null; readOnly: boolean }
  | { kind: 'demo'; scenario: ScenarioName; seed: number; readOnly: boolean; rbac: RbacRole }
  | { kind: 'simulate'; port: number; scenario: ScenarioName; seed: number; out: string | null; rbac: RbacRole }
  | {
      kind: 'snapshot';
      demo: boolean;
      scenario: ScenarioName;
      seed: number;
      config: string | null;
      context: string | null;
      namespace: string | null;
      width: number;
      height: number;
      format: 'text' | 'json';
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
  help: 'boolean',
  version: 'boolean',
};
const SHORT: Record<string, string> = { h: 'help', V: 'version', c: 'config', n: 'namespace' };

const ALLOWED: Record<'live' | 'demo' | 'simulate' | 'snapshot', string[]> = {
  live: ['config', 'context', 'namespace', 'read-only'],
  demo: ['scenario', 'seed', 'read-only', 'rbac'],
  simulate: ['port', 'scenario', 'seed', 'out', 'rbac'],
  snapshot: ['demo', 'scenario', 'seed', 'config', 'context', 'namespace', 'width', 'height', 'format'],
};

export const DEFAULT_SCENARIO: ScenarioName = 'crashloop';

function rbac(text: string | null): RbacRole {
  if (text === null) return 'admin';
  if (!(RBAC_ROLES as readonly string[]).includes(text)) throw new UsageError(`--rbac must be one of ${RBAC_ROLES.join(', ')}, got "${text}"`);
  return text as RbacRole;
}
export const DEFAULT_SEED = 42;

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function scenario(text: string | undefined): ScenarioName {
  if (text === undefined) return DEFAULT_SCENARIO;
  if (!(SCENARIOS as readonly string[]).includes(text)) {
    throw new UsageError(`unknown scenario "${text}" (choose one of: ${SCENARIOS.join(', ')})`);
  }
  return text as ScenarioName;
}

export function parseArgs(argv: readonly string[]): Command {
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (/^-[A-Za-z]$/.test(arg)) {
      const long = SHORT[arg.slice(1)];
      if (!long) throw new UsageError(`unknown flag ${arg}`);
      name = long;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown flag ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }
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
      return { kind, config: str('config'), context: str('context'), namespace: str('namespace'), readOnly: values.has('read-only') };
    case 'demo':
      return { kind, scenario: scenario(str('scenario') ?? undefined), seed: seed(), readOnly: values.has('read-only'), rbac: rbac(str('rbac')) };
    case 'simulate':
      return {
        kind,
        port: str('port') === null ? 0 : integer('port', str('port')!, 0, 65535),
        scenario: scenario(str('scenario') ?? undefined),
        seed: seed(),
        out: str('out'),
        rbac: rbac(str('rbac')),
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
        scenario: scenario(str('scenario') ?? undefined),
        seed: seed(),
        config: str('config'),
        context: str('context'),
        namespace: str('namespace'),
        width: str('width') === null ? 120 : integer('width', str('width')!, 40, 1000),
        height: str('height') === null ? 40 : integer('height', str('height')!, 10, 1000),
        format,
      };
    }
  }
}
