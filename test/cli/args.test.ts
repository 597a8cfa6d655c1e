import { mkdirSync, writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { main, resolveLiveConfig, type Io } from '../../src/cli/main.js';
import { forgetCiWhenInteractive } from '../../src/app/ci-env.js';

function io(stdinIsTTY = false, stdoutIsTTY = true) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdinIsTTY, stdoutIsTTY };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

describe('argv parsing', () => {
  it('parses each command with its flags, both --flag value and --flag=value', () => {
    const plain = { lowBandwidth: false, wall: null, ascii: false, noColor: false };
    expect(parseArgs([])).toEqual({ kind: 'live', config: null, context: null, namespace: null, readOnly: false, display: plain });
    expect(parseArgs(['--config', 'a.yaml', '--context=prod', '-n', 'production', '--read-only'])).toEqual({
      kind: 'live',
      config: 'a.yaml',
      context: 'prod',
      namespace: 'production',
      readOnly: true,
      display: plain,
    });
    expect(parseArgs(['demo', '--scenario', 'db-down', '--seed', '9'])).toEqual({
      kind: 'demo',
      scenario: 'db-down',
      seed: 9,
      readOnly: false,
      rbac: 'admin',
      display: plain,
    });
    expect(parseArgs(['demo', '--low-bandwidth', '--ascii', '--no-color'])).toMatchObject({ display: { lowBandwidth: true, wall: null, ascii: true, noColor: true } });
    expect(parseArgs(['--wall', '--rotate', '30s', '--stale-after=2m'])).toMatchObject({ display: { wall: { rotateMs: 30_000, staleAfterMs: 120_000 } } });
    expect(parseArgs(['--wall', '--rotate', '0s'])).toMatchObject({ display: { wall: { rotateMs: 0, staleAfterMs: 60_000 } } });
    expect(parseArgs(['demo', '--wall'])).toMatchObject({ display: { wall: { rotateMs: 15_000 } } });
    expect(parseArgs(['demo', '--rbac', 'viewer'])).toMatchObject({ kind: 'demo', rbac: 'viewer' });
    expect(parseArgs(['simulate', '--port=8080', '--out', '/tmp/x'])).toMatchObject({ kind: 'simulate', port: 8080, out: '/tmp/x', scenario: 'crashloop' });
    expect(parseArgs(['simulate', '--hostile'])).toMatchObject({ kind: 'simulate', hostile: true });
    expect(parseArgs(['snapshot', '--demo', '--width', '80', '--height', '24', '--format', 'json'])).toMatchObject({
      kind: 'snapshot',
      demo: true,
      width: 80,
      height: 24,
      format: 'json',
    });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['demo', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['--bogus'], 'unknown flag --bogus'],
    [['-x'], 'unknown flag -x'],
    [['demo', '--seed', 'abc'], '--seed must be a whole number, got "abc"'],
    [['simulate', '--port', '70000'], '--port must be between 0 and 65535, got 70000'],
    [['snapshot', '--format', 'html'], '--format must be text or json, got "html"'],
    [['snapshot', '--scenario', 'calm'], '--scenario and --seed need --demo'],
    [['demo', '--config', 'x'], '--config does not apply to "demo"'],
    [['--scenario', 'calm'], '--scenario does not apply to live mode'],
    [['--config'], '--config needs a value'],
    [['--rotate', '15s'], '--rotate needs --wall'],
    [['--wall', '--rotate', 'soon'], '--rotate must be a duration such as "15s" or "1m", got "soon"'],
    [['--wall', '--stale-after', '0s'], '--stale-after must be a duration such as "15s" or "1m", got "0s"'],
    [['simulate', '--wall'], '--wall does not apply to "simulate"'],
    [['--config', '--read-only'], '--config needs a value'],
    [['--read-only=yes'], '--read-only takes no value'],
    [['deploy'], 'unknown command "deploy" (commands: demo, simulate, snapshot; none for live mode)'],
    [['demo', 'extra'], 'unexpected argument "extra"'],
    [['--context', 'a', '--context', 'b'], '--context given twice'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('cli exit codes', () => {
  it('prints usage on --help and the version on --version, exit 0', async () => {
    const h = io();
    expect(await main(['--help'], h.io)).toBe(0);
    expect(h.out()).toMatch(/^hive-oncall: /);
    expect(h.out()).toContain('hive-oncall snapshot');
    const v = io();
    expect(await main(['--version'], v.io)).toBe(0);
    expect(v.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 naming the simulator\'s scenarios or roles for an unknown one, before starting anything', async () => {
    const scenario = io();
    expect(await main(['demo', '--scenario', 'meltdown'], scenario.io)).toBe(2);
    expect(scenario.err()).toBe(
      'hive-oncall: unknown scenario "meltdown" (choose one of: calm, crashloop, bad-deploy, latency-spike, error-storm, leader-flap, memory-leak, db-down)\n' +
        "Run 'hive-oncall --help' for usage.\n",
    );
    const role = io();
    expect(await main(['simulate', '--rbac', 'root'], role.io)).toBe(2);
    expect(role.err()).toContain('--rbac must be one of admin, oncall, viewer, got "root"');
    const snap = io();
    expect(await main(['snapshot', '--demo', '--scenario', 'nope'], snap.io)).toBe(2);
    expect(snap.out()).toBe('');
  });

  it('lists the simulator\'s scenarios and roles in --help', async () => {
    const h = io();
    expect(await main(['--help'], h.io)).toBe(0);
    expect(h.out()).toContain('Scenarios: calm, crashloop, bad-deploy, latency-spike, error-storm, leader-flap, memory-leak, db-down (default crashloop');
    expect(h.out()).toContain('[--rbac admin|oncall|viewer]');
  });

  it('exits 2 with the message and a usage hint on an unknown flag', async () => {
    const t = io();
    expect(await main(['--frobnicate'], t.io)).toBe(2);
    expect(t.err()).toBe("hive-oncall: unknown flag --frobnicate\nRun 'hive-oncall --help' for usage.\n");
    expect(t.out()).toBe('');
  });

  it('exits 2 naming the key path of a bad config, or a missing --config file', async () => {
    const dir = tempDir('hive-cli-');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'prometheus:\n  url: not-a-url\n');
    const t = io(true);
    expect(await main(['--config', file], t.io)).toBe(2);
    expect(t.err()).toBe('hive-oncall: prometheus.url: must be an http(s) URL\n');
    const missing = io(true);
    expect(await main(['snapshot', '--config', join(dir, 'nope.yaml')], missing.io)).toBe(2);
    expect(missing.err()).toContain('nope.yaml: cannot read config: no such file');
  });

  it('refuses the interactive console without a terminal and points at snapshot', async () => {
    const dir = tempDir('hive-cli-');
    const t = io(false);
    expect(await main(['--config', writeEmpty(dir)], t.io)).toBe(2);
    expect(t.err()).toContain("hive-oncall snapshot");
  });

  it('prints one plain snapshot and a note when stdout is not a terminal, and exits 0', async () => {
    const dir = tempDir('hive-cli-');
    const t = io(false, false);
    expect(await main(['--config', writeEmpty(dir)], t.io)).toBe(0);
    expect(t.err()).toContain('stdout is not a terminal: printed one snapshot');
    expect(t.out()).toContain('Pods');
    expect(t.out()).not.toMatch(/\u001b/);
  });

  it('without a config file uses the default path when present and flags override it', async () => {
    const dir = tempDir('hive-xdg-');
    expect((await resolveLiveConfig({ config: null, context: null, namespace: 'ns1' }, { XDG_CONFIG_HOME: dir })).kubernetes.namespace).toBe('ns1');
    mkdirSync(join(dir, 'hive-oncall'));
    writeFileSync(join(dir, 'hive-oncall', 'config.yaml'), 'prometheus:\n  url: http://127.0.0.1:9090\nkubernetes:\n  namespace: from-file\n');
    const c = await resolveLiveConfig({ config: null, context: 'ctx', namespace: null }, { XDG_CONFIG_HOME: dir });
    expect(c.prometheus.url).toBe('http://127.0.0.1:9090');
    expect(c.kubernetes).toMatchObject({ namespace: 'from-file', context: 'ctx' });
  });
});

describe('terminal hygiene', () => {
  it('forgets the CI variables only when stdout is a terminal', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', HOME: '/h' };
    forgetCiWhenInteractive({ isTTY: false }, env);
    expect(env.CI).toBe('true');
    forgetCiWhenInteractive({ isTTY: true }, env);
    expect(env).toEqual({ HOME: '/h' });
  });

});

function writeEmpty(dir: string): string {
  const file = join(dir, 'empty.yaml');
  writeFileSync(file, '');
  return file;
}
