// What each command does, with exit codes: 0 ok, 1 runtime failure, 2 bad usage or config.
import { existsSync } from 'node:fs';
import type { HiveConfig } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { applyOverrides, defaultConfig, defaultConfigPath, loadConfig } from '../config/load.js';
import { packageVersion } from '../app/version.js';
import { createController } from '../runtime/controller.js';
import { sanitizeLine } from '../text/sanitize.js';
import { DEFAULT_RBAC, parseArgs, UsageError, type Command } from './args.js';
import { usage, USAGE_HINT } from './usage.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinIsTTY: boolean;
}

const processIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdinIsTTY: Boolean(process.stdin.isTTY),
});

/** --config FILE must exist; the default path is optional. */
export function resolveLiveConfig(flags: { config: string | null; context: string | null; namespace: string | null }, env = process.env): HiveConfig {
  let config: HiveConfig;
  if (flags.config) config = loadConfig(flags.config);
  else {
    const path = defaultConfigPath(env);
    config = existsSync(path) ? loadConfig(path) : defaultConfig();
  }
  return applyOverrides(config, { context: flags.context ?? undefined, namespace: flags.namespace ?? undefined });
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
  const sim = await startSimulation({ port: cmd.port, scenario: cmd.scenario, seed: cmd.seed, rbac: cmd.rbac, ...(cmd.out ? { outDir: cmd.out } : {}) });
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

async function interactive(config: HiveConfig, mode: 'demo' | 'live', scenario: string | null, cleanup: () => Promise<void>, io: Io) {
  if (!io.stdinIsTTY) {
    await cleanup();
    io.stderr(`hive-oncall: the console needs a terminal on stdin; for one frame use 'hive-oncall snapshot'\n`);
    return 2;
  }
  // The executor is built once per session: its journal and its one-run-per-plan memory live in it.
  const { createExecutor } = await import('../actions/index.js');
  const controller = createController(config, { mode, scenario, version: packageVersion(), executor: createExecutor(config), readOnly: config.readOnly });
  const { runInteractive } = await import('../app/interactive.js');
  return runInteractive(controller, cleanup, config.keymap);
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
    case 'live':
      return interactive(applyOverrides(resolveLiveConfig(cmd), { readOnly: cmd.readOnly }), 'live', null, async () => {}, io);
    case 'demo': {
      await checkDemoFlags(cmd);
      const { startDemo } = await import('../app/demo.js');
      // Building an hour of simulated history takes a few seconds: say so rather than show a blank screen.
      if (process.stderr.isTTY) io.stderr(`hive-oncall: starting the embedded Hive Mind (${cmd.scenario}, seed ${cmd.seed})…\n`);
      const demo = await startDemo({ scenario: cmd.scenario, seed: cmd.seed, rbac: cmd.rbac });
      return interactive(applyOverrides(demo.config, { readOnly: cmd.readOnly }), 'demo', cmd.scenario, () => demo.sim.stop(), io);
    }
    case 'snapshot': {
      let config: HiveConfig;
      let stopSim = async () => {};
      if (cmd.demo) {
        await checkDemoFlags(cmd);
        const { startDemo } = await import('../app/demo.js');
        const demo = await startDemo({ scenario: cmd.scenario, seed: cmd.seed, rbac: DEFAULT_RBAC });
        config = applyOverrides(demo.config, { context: cmd.context ?? undefined, namespace: cmd.namespace ?? undefined });
        stopSim = () => demo.sim.stop();
      } else {
        config = resolveLiveConfig(cmd);
      }
      try {
        const controller = createController(config, { mode: cmd.demo ? 'demo' : 'live', scenario: cmd.demo ? cmd.scenario : null, version: packageVersion() });
        const { takeSnapshot } = await import('../app/snapshot.js');
        io.stdout(await takeSnapshot(controller, cmd));
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
