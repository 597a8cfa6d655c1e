// Drives the real CLI in a pseudo-terminal and reads the screen through a headless xterm, the way a person
// in tmux would see it. CI sets CI=true, which makes Ink refuse to render live: the child never inherits it.
import { shebangNodeArgs } from '../../bench/lib/node-flags.js';
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { eventually } from './eventually.js';

const { Terminal } = xterm;
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** the shipped bin (package.json "bin"): the esbuild bundle users run */
export const CLI = join(ROOT, 'dist', 'bin', 'hive-oncall.js');

const CI_VARS = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS'];

export type ScreenPredicate = string | RegExp | ((text: string) => boolean);

export interface Screen {
  pty: IPty;
  /** the visible screen, one string per row, trailing spaces trimmed */
  lines(): string[];
  text(): string;
  /** bytes the program wrote so far */
  bytes(): number;
  /** everything the program wrote so far, as written */
  raw(): string;
  /** the screen once it shows `predicate` (polled, bounded); rejects with the screen on timeout or exit */
  waitFor(predicate: ScreenPredicate, timeoutMs?: number): Promise<string>;
  press(keys: string): void;
  /** the terminal changes size, as a tmux pane resized by the user */
  resize(cols: number, rows: number): void;
  exited(): Promise<number>;
  kill(): void;
}

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** options for node itself, before the bin (e.g. --import a preload) */
  nodeArgs?: string[];
  /** what the terminal shows before the program starts (the user's screen, to be given back on exit) */
  before?: string;
}

export function runInPty(args: string[], opts: PtyOptions = {}): Screen {
  const cols = opts.cols ?? 120;
  let rows = opts.rows ?? 40;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !CI_VARS.includes(k)) env[k] = v;
  // a UTF-8 locale unless a test says otherwise: without one the console draws in ASCII (as it should)
  Object.assign(env, { TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '', ...opts.env });
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const pty = spawn(process.execPath, [...shebangNodeArgs(CLI), ...(opts.nodeArgs ?? []), CLI, ...args], { name: env.TERM!, cols, rows, cwd: ROOT, env });
  let written = 0;
  const chunks: string[] = [];
  if (opts.before) term.write(opts.before);
  let exitCode: number | null = null;
  const exitWaiters: ((code: number) => void)[] = [];
  pty.onData((d) => {
    written += Buffer.byteLength(d);
    chunks.push(d);
    term.write(d);
  });
  pty.onExit(({ exitCode: code }) => {
    exitCode = code;
    for (const w of exitWaiters) w(code);
  });
  const lines = () => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out;
  };
  const text = () => lines().join('\n');
  // xterm parses asynchronously: writing nothing and reading on its callback sees everything written so far.
  const flushed = () => new Promise<string>((resolve) => term.write('', () => resolve(text())));
  const matches = (predicate: ScreenPredicate, t: string) =>
    typeof predicate === 'string' ? t.includes(predicate) : predicate instanceof RegExp ? predicate.test(t) : predicate(t);
  /** The screen once it matches; rejects with the screen when time runs out or the program exits first. */
  const waitForScreen = async (predicate: ScreenPredicate, timeoutMs: number): Promise<string> => {
    let stop = false;
    const exitedFirst = new Promise<never>((_, reject) => {
      const onExit = (code: number) => {
        // its last frame may still be the one waited for
        void flushed().then((t) => (matches(predicate, t) || stop ? undefined : reject(new Error(`program exited (${code}) before: ${String(predicate)}\n${t}`))));
      };
      if (exitCode !== null) onExit(exitCode);
      else exitWaiters.push(onExit);
    });
    const seen = eventually(String(predicate), async () => {
      const t = await flushed();
      // once the wait is over (the program exited), end the poll too
      return matches(predicate, t) || stop ? { t } : null;
    }, { timeoutMs, everyMs: 50 });
    try {
      return (await Promise.race([seen, exitedFirst])).t;
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}; screen:\n${text()}`);
    } finally {
      stop = true;
    }
  };
  return {
    pty,
    lines,
    text,
    bytes: () => written,
    raw: () => chunks.join(''),
    waitFor: (predicate, timeoutMs = 15000) => waitForScreen(predicate, timeoutMs),
    press: (keys) => pty.write(keys),
    resize: (c, r) => {
      rows = r;
      term.resize(c, r);
      pty.resize(c, r);
    },
    exited: () => new Promise((resolve) => (exitCode !== null ? resolve(exitCode) : exitWaiters.push(resolve))),
    kill: () => {
      if (exitCode === null) pty.kill();
    },
  };
}

export const KEYS = { tab: '\t', shiftTab: '\u001b[Z', down: '\u001b[B', up: '\u001b[A', esc: '\u001b', enter: '\r' };
