// The terminal as the console uses it: the alternate screen (the user's screen comes back on exit, however
// the process ends), frames wrapped in synchronized output so a slow link never shows half a frame, the
// ASCII form for terminals that cannot show UTF-8, and back-pressure reported for the status bar.
import { writeSync } from 'node:fs';
import { toAscii } from '../text/ascii.js';
import { createScreenWriter, type ScreenWriter } from './screen-diff.js';

export const ALT_SCREEN_ON = '\u001b[?1049h';
export const ALT_SCREEN_OFF = '\u001b[?1049l';
export const CURSOR_SHOW = '\u001b[?25h';
/** DEC private mode 2026: the terminal holds the frame until the end mark; others ignore both marks. */
export const SYNC_BEGIN = '\u001b[?2026h';
export const SYNC_END = '\u001b[?2026l';

export interface TerminalOutput {
  /** what Ink writes to: stdout itself for everything but write() */
  stream: NodeJS.WriteStream;
}

export interface OutputOptions {
  ascii: boolean;
  /**
   * 'diff': Ink's whole frames are written as the cells that changed (./screen-diff.ts), each frame in DEC
   * 2026 marks; 'ink-standard': Ink's own full redraw, untouched (the benchmark's baseline)
   */
  mode: 'diff' | 'ink-standard';
  onBehindChange?: (behind: boolean) => void;
}

// Ink's standard renderer erases its previous frame (erase line, cursor up, ..., cursor left) before
// writing the next one whole; the diff writer needs only the frame.
// eslint-disable-next-line no-control-regex
const ERASE_PREFIX = /^(?:\u001b\[2K|\u001b\[1A|\u001b\[G)+/;

/** The frame's lines in one of Ink's writes, or null for a write that only erases. */
export function frameLines(text: string): string[] | null {
  const body = text.replace(ERASE_PREFIX, '');
  if (body === '') return null;
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A stand-in for `out` whose write() frames, transliterates and counts what Ink writes. */
export function terminalOutput(out: NodeJS.WriteStream, opts: OutputOptions): TerminalOutput {
  // the terminal has not taken everything written (stdout's buffer is over its high-water mark)
  let behind = false;
  const newWriter = () => createScreenWriter(out.columns || 80, out.rows || 24);
  let writer: ScreenWriter = newWriter();
  // a resized terminal may have reflowed or cleared what it held: the next frame is drawn whole
  out.on('resize', () => (writer = newWriter()));
  const setBehind = (now: boolean) => {
    if (behind === now) return;
    behind = now;
    opts.onBehindChange?.(now);
  };
  out.on('drain', () => setBehind(false));
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    let text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    if (opts.ascii) text = toAscii(text);
    if (opts.mode === 'diff') {
      const lines = frameLines(text);
      text = lines ? writer.frame(lines) : '';
      if (text.length > 0) text = SYNC_BEGIN + text + SYNC_END;
    }
    if (text.length === 0) {
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }
    const ok = (out.write as (c: string, ...r: unknown[]) => boolean)(text, ...rest);
    if (!ok) setBehind(true);
    return ok;
  };
  const stream = new Proxy(out, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { stream };
}

export interface ScreenGuard {
  /** leave the alternate screen and show the cursor; safe to call more than once */
  restore(): void;
}

/**
 * Switches to the alternate screen and promises to switch back. The process 'exit' hook covers every end
 * that runs JavaScript (process.exit, an uncaught error after our handlers): written synchronously, since
 * nothing asynchronous runs at exit.
 */
export function enterAlternateScreen(out: NodeJS.WriteStream = process.stdout): ScreenGuard {
  let active = true;
  const fd = (out as { fd?: number }).fd ?? 1;
  const restore = () => {
    if (!active) return;
    active = false;
    process.off('exit', restore);
    try {
      writeSync(fd, SYNC_END + ALT_SCREEN_OFF + CURSOR_SHOW);
    } catch {
      // the terminal is gone (SSH dropped): nothing left to restore
    }
  };
  // 1049 keeps the cursor where it was: home it, and hide it (Ink hides it on stderr, which may not be the terminal)
  out.write(`${ALT_SCREEN_ON}\u001b[H\u001b[?25l`);
  process.on('exit', restore);
  return { restore };
}
