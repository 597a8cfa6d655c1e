// What each command does, with exit codes: 0 ok, 1 runtime failure, 2 bad usage or config. Heavy modules
// (the config schema, the Kubernetes client, Ink, the simulator) are imported where a command needs them,
// so --help answers at once and the console draws its first frame before the backends are loaded.
import { existsSync } from 'node:fs';
import type { HiveConfig } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { defaultConfigPath } from '../config/paths.js';
import { packageVersion } from '../app/version.js';
import { applyNoColor, noScreenReason, resolveDisplay, type Display, type DisplayFlags } from '../app/display.js';
import type { Session } from '../app/interactive.js';
import type { Controller, ControllerOptions } from '../runtime/controller.js';
import { sanitizeLine } from '../text/sanitize.js';
import { toAscii } from '../text/ascii.js';
import { DEFAULT_RBAC, parseArgs, UsageError, type Command } from './args.js';
import { usage, USAGE_HINT } from './usage.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinIsTTY: boolean;
  /** default: process.stdout.isTTY */
  stdoutIsTTY?: boolean;
}

const processIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
});

/** --config FILE must exist; the default path is optional. */
export async function resolveLiveConfig(
  flags: { config: string | null; context: string | null; namespace: string | null; readOnly?: boolean },
  env = process.env,
): Promise<HiveConfig> {
  const { applyOverrides, defaultConfig, loadConfig } = await import('../config/load.js');
  let config: HiveConfig;
  if (flags.config) config = loadConfig(flags.config);
  else {
    const path = defaultConfigPath(env);
    config = existsSync(path) ? loadConfig(path) : defaultConfig();
  }
  return applyOverrides(config, { context: flags.context ?? undefined, namespace: flags.namespace ?? undefined, readOnly: flags.readOnly });
}

async function demoConfig(cmd: { scenario: string; seed: number; rbac: string }, flags: { readOnly?: boolean; context?: string | null; namespace?: string | null }) {
  const [{ startDemo }, { applyOverrides }] = await Promise.all([import('../app/demo.js'), import('../config/load.js')]);
  const demo = await startDemo({ scenario: cmd.scenario, seed: cmd.seed, rbac: cmd.rbac, thread: 'worker' });
  const config = applyOverrides(demo.config, { readOnly: flags.readOnly, context: flags.context ?? undefined, namespace: flags.namespace ?? undefined });
  return { config, stop: () => demo.sim.stop() };
}

async function newController(config: HiveConfig, opts: Omit<ControllerOptions, 'version'>): Promise<Controller> {
  const { createController } = await import('../runtime/controller.js');
  return createController(config, { ...opts, version: packageVersion() });
}

/** Demo flags name the simulator's scenarios and roles: checked against its catalog before anything starts. */
async function checkDemoFlags(cmd: { scenario: string; rbac?: string }): Promise<void> {
  const { demoOptionsProblem } = await import('../app/demo.js');
  const problem = await demoOptionsProblem({ scenario: cmd.scenario, rbac: cmd.rbac ?? DEFAULT_RBAC });
  if (problem) throw new UsageError(problem);
}

async function simulate(cmd: Extract<Command, { kind: 'simulate' }>, io: Io): Promise<number> {
  await checkDemoFlags(cmd);
  const { startSimulation } = await import('../app/demo.js');
  const sim = await startSimulation({ port: cmd.port, scenario: cmd.scenario, seed: cmd.seed, rbac: cmd.rbac, hostile: cmd.hostile, ...(cmd.out ? { outDir: cmd.out } : {}) });
  io.stdout('ready\n');
  io.stderr(
    `hive-oncall simulate: scenario ${sim.scenario}, seed ${cmd.seed}\n` +
      `  API:        ${sim.baseUrl}\n  kubeconfig: ${sim.kubeconfigPath}\n  config:     ${sim.configPath}\n` +
      `  try: hive-oncall --config ${sim.configPath}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sim.stop();
  return 0;
}

/** The session behind the console: its config, controller and executor, and how to stop what it started. */
async function bootSession(config: HiveConfig, display: Display, mode: 'demo' | 'live', scenario: string | null, cleanup: () => Promise<void>): Promise<Session> {
  // the executor is built once per session: its journal and its one-run-per-plan memory live in it; a
  // wall screen's executor refuses every write, whatever a key or the config says
  const sessionConfig = display.wall ? { ...config, readOnly: true } : config;
  const { createExecutor } = await import('../actions/index.js');
  const controller = await newController(sessionConfig, {
    mode,
    scenario,
    executor: createExecutor(sessionConfig),
    readOnly: sessionConfig.readOnly,
    lowBandwidth: display.lowBandwidth,
    ...(display.wall ? { wall: display.wall } : {}),
  });
  return { controller, cleanup, keymap: config.keymap };
}

interface ConsoleRun {
  mode: 'demo' | 'live';
  scenario: string | null;
  flags: DisplayFlags;
  /** the config, when it is known before the first frame (live mode) */
  config: HiveConfig | null;
  /** the session's config and what stops it, once booted */
  load: () => Promise<{ config: HiveConfig; stop: () => Promise<void> }>;
}

async function runConsole(run: ConsoleRun, io: Io): Promise<number> {
  applyNoColor(run.flags);
  const display = resolveDisplay(run.flags, run.config ?? { lowBandwidth: false, ascii: null });
  const reason = noScreenReason({ isTTY: io.stdoutIsTTY ?? process.stdout.isTTY });
  if (reason) return snapshotInstead(run, display, reason, io);
  if (!io.stdinIsTTY && !display.wall) {
    io.stderr(`hive-oncall: the console needs a terminal on stdin; for one frame use 'hive-oncall snapshot'\n`);
    return 2;
  }
  const { runInteractive } = await import('../app/interactive.js');
  return runInteractive({
    display,
    keyboard: io.stdinIsTTY,
    meta: { mode: run.mode, scenario: run.scenario, version: packageVersion() },
    boot: async () => {
      const { config, stop } = await run.load();
      try {
        return await bootSession(config, display, run.mode, run.scenario, stop);
      } catch (err) {
        await stop();
        throw err;
      }
    },
  });
}

/** stdout is a pipe, a file or a dumb terminal: one frame, plain text, and a note saying so. */
async function snapshotInstead(run: ConsoleRun, display: Display, reason: string, io: Io): Promise<number> {
  const { config, stop } = await run.load();
  try {
    const controller = await newController(config, { mode: run.mode, scenario: run.scenario });
    const { takeSnapshot } = await import('../app/snapshot.js');
    const size = { width: process.stdout.columns || 120, height: process.stdout.rows || 40 };
    const frame = await takeSnapshot(controller, { ...size, format: 'text' });
    io.stdout(display.ascii ? toAscii(frame) : frame);
    io.stderr(`hive-oncall: ${reason}: printed one snapshot; run it in a terminal for the live console\n`);
    return 0;
  } finally {
    await stop();
  }
}

export async function execute(cmd: Command, io: Io): Promise<number> {
  switch (cmd.kind) {
    case 'help': {
      const { demoCatalog } = await import('../app/demo.js');
      io.stdout(`${usage(await demoCatalog()).trimEnd()}\n`);
      return 0;
    }
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return 0;
    case 'simulate':
      return simulate(cmd, io);
    case 'live': {
      const config = await resolveLiveConfig(cmd);
      return runConsole({ mode: 'live', scenario: null, flags: cmd.display, config, load: async () => ({ config, stop: async () => {} }) }, io);
    }
    case 'demo':
      await checkDemoFlags(cmd);
      return runConsole({ mode: 'demo', scenario: cmd.scenario, flags: cmd.display, config: null, load: () => demoConfig(cmd, cmd) }, io);
    case 'snapshot': {
      let config: HiveConfig;
      let stopSim = async () => {};
      if (cmd.demo) {
        await checkDemoFlags(cmd);
        const demo = await demoConfig({ scenario: cmd.scenario, seed: cmd.seed, rbac: DEFAULT_RBAC }, cmd);
        config = demo.config;
        stopSim = demo.stop;
      } else {
        config = await resolveLiveConfig(cmd);
      }
      try {
        const controller = await newController(config, { mode: cmd.demo ? 'demo' : 'live', scenario: cmd.demo ? cmd.scenario : null });
        const { takeSnapshot } = await import('../app/snapshot.js');
        const out = await takeSnapshot(controller, cmd);
        io.stdout(cmd.ascii || (config.ascii ?? false) ? toAscii(out) : out);
        return 0;
      } finally {
        await stopSim();
      }
    }
  }
}

/** Parse and run; every expected failure becomes one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await execute(parseArgs(argv), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`hive-oncall: ${err.message}\n${USAGE_HINT}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr(`hive-oncall: ${sanitizeLine(err.message).replace(/\u240a/g, '\n  ')}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`hive-oncall: ${sanitizeLine(message)}\n`);
    if (process.env.HIVE_ONCALL_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 1;
  }
}
