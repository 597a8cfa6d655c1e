// The product's one door to the simulator (src/demo): loaded lazily, so live mode never pays for it, and
// named here only, so the boundary is a rule the layer check enforces rather than a convention.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { HiveConfig } from '../config/config.js';
import { loadConfig } from '../config/load.js';

/** What a running simulator tells its user. */
export interface Simulation {
  baseUrl: string;
  kubeconfigPath: string;
  configPath: string;
  scenario: string;
  stop(): Promise<void>;
}

export interface Demo {
  sim: Simulation;
  config: HiveConfig;
}

export interface SimulationOptions {
  scenario: string;
  seed: number;
  rbac: string;
  /** 0: a free port */
  port?: number;
  /** where the kubeconfig and hive-oncall.yaml are written; a temp dir when absent */
  outDir?: string;
  /**
   * 'worker': the simulator runs on a thread of its own, so its clock ticks and the queries it answers never
   * hold up a key press in the console beside it (`demo`, `snapshot --demo`); default: this thread
   */
  thread?: 'worker' | 'inline';
  /** backends answer with escape sequences in names, labels, log lines and errors (for testing a console) */
  hostile?: boolean;
}

const load = () => import('../demo/index.js');

/** The scenario and role names the simulator knows, for --help and for checking flags. */
export async function demoCatalog(): Promise<{ scenarios: readonly string[]; roles: readonly string[] }> {
  const demo = await load();
  return { scenarios: demo.SCENARIOS, roles: demo.RBAC_ROLES };
}

/** Why these flags cannot start a simulation (in the words of a usage error), or null. */
export async function demoOptionsProblem(opts: Pick<SimulationOptions, 'scenario' | 'rbac'>): Promise<string | null> {
  const { scenarios, roles } = await demoCatalog();
  if (!scenarios.includes(opts.scenario)) return `unknown scenario "${opts.scenario}" (choose one of: ${scenarios.join(', ')})`;
  if (!roles.includes(opts.rbac)) return `--rbac must be one of ${roles.join(', ')}, got "${opts.rbac}"`;
  return null;
}

/** Serves the simulated cluster on 127.0.0.1 (the `simulate` command, and the demo's backends). */
export async function startSimulation(opts: SimulationOptions): Promise<Simulation> {
  const problem = await demoOptionsProblem(opts);
  if (problem) throw new Error(problem);
  return opts.thread === 'worker' ? startInWorker(opts) : startHere(opts);
}

async function startHere(opts: SimulationOptions): Promise<Simulation> {
  const demo = await load();
  return demo.startSimulator({
    port: opts.port ?? 0,
    scenario: opts.scenario as (typeof demo.SCENARIOS)[number],
    seed: opts.seed,
    rbac: opts.rbac as (typeof demo.RBAC_ROLES)[number],
    ...(opts.outDir ? { outDir: opts.outDir } : {}),
    ...(opts.hostile ? { hostile: true } : {}),
  });
}

/** The in-process simulator behind `hive-oncall demo` and `snapshot --demo`, with the config it writes. */
export async function startDemo(opts: SimulationOptions): Promise<Demo> {
  const sim = await startSimulation(opts);
  try {
    return { sim, config: loadConfig(sim.configPath) };
  } catch (err) {
    await sim.stop();
    throw err;
  }
}

// ---------- the simulator on a worker thread ----------
// The worker runs this very module (the bundle has no other file to point it at) and is told so by its
// workerData. It answers "ready" with what the main thread needs, and "stopped" once its server is closed.
const WORKER_TAG = 'hive-oncall-simulator';

type FromWorker = { ready: Omit<Simulation, 'stop'> } | { failed: string } | { stopped: true };

function startInWorker(opts: SimulationOptions): Promise<Simulation> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { tag: WORKER_TAG, opts: { ...opts, thread: 'inline' } } });
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the simulator stopped before it was ready (exit ${code})`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (m: FromWorker) => {
      worker.off('exit', onExit);
      if ('failed' in m) return void worker.terminate().finally(() => reject(new Error(m.failed)));
      if ('ready' in m) resolve({ ...m.ready, stop: () => stopWorker(worker) });
    });
  });
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => void worker.terminate().finally(resolve);
    // a simulator that does not answer within a second is ended anyway: the user asked to quit
    const timer = setTimeout(done, 1000);
    worker.once('message', () => {
      clearTimeout(timer);
      done();
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage('stop');
  });
}

async function runAsWorker(opts: SimulationOptions): Promise<void> {
  const port = parentPort!;
  try {
    const sim = await startHere(opts);
    const { stop, ...ready } = sim;
    port.postMessage({ ready } satisfies FromWorker);
    port.once('message', () => {
      void stop().finally(() => port.postMessage({ stopped: true } satisfies FromWorker));
    });
  } catch (err) {
    port.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
}

if (!isMainThread && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
  void runAsWorker((workerData as { opts: SimulationOptions }).opts);
}
