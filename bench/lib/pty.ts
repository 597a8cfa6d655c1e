// The shipped bin in a real pseudo-terminal, its output parsed by a headless xterm, with the arrival time of
// every chunk kept: "when did the screen first show X" is the arrival of the chunk whose parsing made the
// screen show X, not the time a poll happened to look (polling would add up to its period to every figure).
import { shebangNodeArgs } from './node-flags.js';
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { performance } from 'node:perf_hooks';
import { ROOT } from './paths.js';
import { childEnv, track, untrack } from './proc.js';

const { Terminal } = xterm;

/** Chunks closer together than this are one write of the program (the pty splits large writes). */
const SAME_WRITE_MS = 2;

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** node options before the bin path (e.g. --import a preload) */
  nodeArgs?: string[];
}

export interface Seen {
  /** arrival (performance.now()) of the chunk after which the screen matched */
  at: number;
  /** arrival of the first chunk of the write that chunk belongs to, never before `since` */
  writeStart: number;
  lines: string[];
}

export type Predicate = (lines: string[]) => boolean;

export interface Terminal {
  pid: number;
  spawnedAt: number;
  bytes(): number;
  lines(): string[];
  /** resolves at the first parsed chunk, arriving after `since`, after which `predicate` holds */
  waitFor(predicate: Predicate, timeoutMs: number, since?: number): Promise<Seen>;
  /** writes keys to the program and returns the time they were written */
  press(keys: string): number;
  exitCode(): number | null;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the program has exited */
  stop(): Promise<void>;
}

interface Waiter {
  predicate: Predicate;
  since: number;
  resolve: (s: Seen) => void;
  reject: (e: Error) => void;
}

export function startPty(bin: string, args: string[], opts: PtyOptions = {}): Terminal {
  const cols = opts.cols ?? 120;
  const rows = opts.rows ?? 40;
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const spawnedAt = performance.now();
  const pty: IPty = spawn(process.execPath, [...shebangNodeArgs(bin), ...(opts.nodeArgs ?? []), bin, ...args], { name: 'xterm-256color', cols, rows, cwd: ROOT, env: childEnv(opts.env) });
  track(pty.pid, () => pty.kill('SIGKILL'));
  let written = 0;
  let lastArrival = -Infinity;
  let writeStart = 0;
  let code: number | null = null;
  const waiters = new Set<Waiter>();
  const exitWaiters: (() => void)[] = [];

  const lines = () => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out;
  };
  const check = (at: number, start: number) => {
    if (waiters.size === 0) return;
    const l = lines();
    for (const w of waiters) {
      if (at < w.since || !w.predicate(l)) continue;
      waiters.delete(w);
      w.resolve({ at, writeStart: Math.max(start, w.since), lines: l });
    }
  };
  pty.onData((d) => {
    const at = performance.now();
    written += Buffer.byteLength(d);
    if (at - lastArrival > SAME_WRITE_MS) writeStart = at;
    lastArrival = at;
    const start = writeStart;
    term.write(d, () => check(at, start));
  });
  pty.onExit(({ exitCode }) => {
    code = exitCode;
    untrack(pty.pid);
    // the last chunks may still be parsing: let them settle before telling the waiters the program is gone
    term.write('', () => {
      for (const w of waiters) w.reject(new Error(`exited with ${exitCode}; screen:\n${lines().join('\n')}`));
      waiters.clear();
      for (const e of exitWaiters.splice(0)) e();
    });
  });

  const waitFor = (predicate: Predicate, timeoutMs: number, since = spawnedAt) =>
    new Promise<Seen>((resolve, reject) => {
      if (code !== null) return reject(new Error(`exited with ${code}; screen:\n${lines().join('\n')}`));
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`timed out after ${timeoutMs} ms; screen:\n${lines().join('\n')}`));
      }, timeoutMs);
      const w: Waiter = {
        predicate,
        since,
        resolve: (s) => (clearTimeout(timer), resolve(s)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      waiters.add(w);
    });

  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= halt());
  const halt = async () => {
    if (code === null) {
      const gone = new Promise<void>((r) => exitWaiters.push(r));
      pty.kill('SIGTERM');
      const timer = setTimeout(() => code === null && pty.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    }
    term.dispose();
  };

  return {
    pid: pty.pid,
    spawnedAt,
    bytes: () => written,
    lines,
    waitFor,
    press: (keys) => {
      const at = performance.now();
      pty.write(keys);
      return at;
    },
    exitCode: () => code,
    stop,
  };
}
