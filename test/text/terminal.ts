// Real terminal emulators for width tests: a frame is only right if a terminal draws it right, and
// terminals disagree with each other (and with string measures) on some graphemes. Two independent
// width tables: xterm.js (@xterm/headless, in process) and tmux 3.3a (a real pty, glibc's tables).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { eventually } from '../helpers/eventually.js';

const { Terminal } = xterm;

/** What a terminal shows: one string per cell (a wide character's second cell is ''), and which rows wrapped. */
export interface Screen {
  cells: string[][];
  /** row i continues row i-1 because the text before it did not fit (a row wider than the terminal) */
  wrapped: boolean[];
}

// xterm.js's built-in width table is Unicode 6 (2010): it draws every emoji one column wide, which no
// terminal with a Unicode 9+ table does (tmux, VTE, kitty, iTerm2, Windows Terminal, and xterm.js apps
// with the unicode11 addon, VS Code among them; the addon is not installed here). The terminal below
// registers a provider that keeps xterm's own answers except for what Unicode 9 changed: emoji with
// default emoji presentation are wide, and nonspacing/enclosing marks and format characters take no
// column. On the built-in table as it is, no rule short of replacing every emoji keeps a border in place.

const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

interface Provider {
  version: string;
  wcwidth(cp: number): number;
  charProperties(cp: number, preceding: number): number;
}

function modernProvider(legacy: Provider): Provider {
  const wcwidth = (cp: number): number => {
    const ch = String.fromCodePoint(cp);
    if (EMOJI_PRESENTATION.test(ch) && !(cp >= 0x1f1e6 && cp <= 0x1f1ff)) return 2;
    if (ZERO.test(ch)) return 0;
    return legacy.wcwidth(cp);
  };
  return {
    version: 'modern',
    wcwidth,
    // xterm's own joining rule (a zero-width code point joins the cell before it), with the widths above;
    // the value packs width << 1 | joins, as xterm's UnicodeService expects
    charProperties: (cp: number, preceding: number): number => {
      let width = wcwidth(cp);
      let joins = width === 0 && preceding !== 0;
      if (joins) {
        const before = (preceding >> 1) & 3;
        if (before === 0) joins = false;
        else if (before > width) width = before;
      }
      return (width << 1) | (joins ? 1 : 0);
    },
  };
}

function terminal(size: { width: number; height: number }) {
  const term = new Terminal({ cols: size.width, rows: size.height, allowProposedApi: true, convertEol: true, scrollback: 0 });
  // the built-in provider is not exported: the one active on a new terminal is it
  const service = (term as unknown as { _core: { unicodeService: { _activeProvider: Provider } } })._core.unicodeService;
  term.unicode.register(modernProvider(service._activeProvider) as never);
  term.unicode.activeVersion = 'modern';
  return term;
}

const write = (term: InstanceType<typeof Terminal>, text: string) => new Promise<void>((resolve) => term.write(text, resolve));

/** `raw` (a frame as Ink wrote it) drawn by xterm.js at `size`. */
export async function xtermScreen(raw: string, size: { width: number; height: number }): Promise<Screen> {
  const term = terminal(size);
  await write(term, raw);
  const buf = term.buffer.active;
  const cells: string[][] = [];
  const wrapped: boolean[] = [];
  for (let y = 0; y < size.height; y++) {
    const line = buf.getLine(buf.viewportY + y);
    const row: string[] = [];
    for (let x = 0; x < size.width; x++) row.push(line?.getCell(x)?.getChars() ?? '');
    cells.push(row);
    wrapped.push(line?.isWrapped ?? false);
  }
  term.dispose();
  return { cells, wrapped };
}

/** Measures how many columns xterm.js advances the cursor for a text written alone at the start of a line. */
export interface XtermMeter {
  width(text: string): Promise<number>;
  dispose(): void;
}

export function xtermMeter(): XtermMeter {
  const term = terminal({ width: 500, height: 2 });
  return {
    width: async (text) => {
      await write(term, `\r\u001b[2K${text}`);
      return term.buffer.active.cursorX;
    },
    dispose: () => term.dispose(),
  };
}

export const tmuxAvailable = (): boolean => spawnSync('tmux', ['-V']).status === 0;

const PROBE = join(import.meta.dirname, 'tmux-probe.mjs');
let sessions = 0;

/**
 * Runs `use` with one tmux session on a server of its own (its socket in a temporary directory), so that
 * nothing here touches anyone else's sessions; the session is killed by name and the directory removed.
 */
async function withTmux<T>(command: (dir: string) => string, size: { width: number; height: number }, use: (tmux: (...args: string[]) => string, dir: string, name: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hive-text-'));
  const socket = join(dir, 'tmux.sock');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args]).toString();
  const name = `hive-text-${process.pid}-${++sessions}`;
  try {
    tmux('new-session', '-d', '-s', name, '-x', String(size.width), '-y', String(size.height), command(dir));
    return await use(tmux, dir, name);
  } finally {
    spawnSync('tmux', ['-S', socket, 'kill-session', '-t', name]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Columns tmux advances the cursor for each text, written alone at the start of a line: a probe in a
 * tmux pane writes each text and asks tmux where the cursor is (DSR), since capture-pane shows
 * characters, not columns.
 */
export function tmuxWidths(texts: readonly string[]): Promise<number[]> {
  return withTmux(
    (dir) => {
      writeFileSync(join(dir, 'in.json'), JSON.stringify(texts));
      return `node ${PROBE} ${join(dir, 'in.json')} ${join(dir, 'out.json')}; sleep 30`;
    },
    { width: 400, height: 5 },
    async (_tmux, dir) => {
      const output = join(dir, 'out.json');
      await eventually('the tmux probe to write its answers', () => existsSync(output), { timeoutMs: 15_000 });
      return JSON.parse(readFileSync(output, 'utf8')) as number[];
    },
  );
}

/** `raw` written by cat into a tmux pane of exactly `size`, as capture-pane shows it (one string per row). */
export function tmuxCapture(raw: string, size: { width: number; height: number }): Promise<string[]> {
  return withTmux(
    (dir) => {
      writeFileSync(join(dir, 'frame.txt'), raw);
      return `cat ${join(dir, 'frame.txt')}; touch ${join(dir, 'done')}; sleep 30`;
    },
    size,
    async (tmux, dir, name) => {
      await eventually('cat to finish in tmux', () => existsSync(join(dir, 'done')), { timeoutMs: 15_000 });
      // cat has written everything; tmux may still be drawing it: the same capture twice in a row
      let last = '';
      const screen = await eventually('the tmux pane to settle', () => {
        const now = tmux('capture-pane', '-p', '-t', name);
        const settled = now === last;
        last = now;
        return settled && now;
      });
      return screen.split('\n').slice(0, size.height);
    },
  );
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Columns Ink 6.6 places `text` in: each grapheme at max(1, string-width 8) cells (ink/build/output.js),
 * computed here from the libraries Ink uses, not from the module under test.
 */
export function inkColumns(text: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(stripAnsi(text))) w += Math.max(1, stringWidth(segment));
  return w;
}
