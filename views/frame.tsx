// One frame of the App at a fixed size as plain text: for `hive-oncall snapshot` and for tests.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import type { AppState } from '../src/state/types.js';
import type { StateStore } from '../src/state/intents.js';
import type { Keymap } from '../keymaps/types.js';
import { App } from './App.js';
import { createTheme } from './theme/theme.js';
import { plainText } from '../src/text/index.js';

/** A store that always holds one state and ignores intents. */
export function staticStore(state: AppState): StateStore {
  return { getState: () => state, subscribe: () => () => {}, dispatch: () => {} };
}

/** An in-memory terminal of a fixed size that keeps the last frame Ink wrote. */
class FrameStdout extends EventEmitter {
  last = '';
  // no terminal: Ink's App hides the cursor (cli-cursor) on a stdout that says it is one, and that hide
  // registers an exit hook writing the cursor-show escape to stderr, which a snapshot must not carry
  isTTY = false;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (chunk: string): boolean => {
    // Ink also writes bare cursor show/hide sequences; only whole frames count.
    if (plainText(chunk).trim() !== '') this.last = chunk;
    return true;
  };
}

export interface FrameOptions {
  keymap?: Keymap;
  /** keep the SGR colour/style codes (the output is then not plain text); default false */
  ansi?: boolean;
  /** render with colours (only visible with ansi: true); default: honour NO_COLOR */
  color?: boolean;
}

/** Any element rendered once at a fixed size, as Ink wrote it (with SGR codes when chalk has colour support). */
export function renderElementRaw(element: ReactElement, size: { width: number; height: number }): string {
  const stdout = new FrameStdout(size.width, size.height);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false, setRawMode: () => {}, setEncoding: () => {}, ref: () => {}, unref: () => {}, read: () => null });
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FrameStdout(size.width, size.height) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = stdout.last;
  instance.unmount();
  instance.cleanup();
  return frame;
}

/** Raw frame of the App as Ink wrote it. */
export function renderFrameRaw(state: AppState, size: { width: number; height: number }, opts: FrameOptions = {}): string {
  return renderElementRaw(
    <App
      store={staticStore(state)}
      keymap={opts.keymap}
      interactive={false}
      theme={opts.color === undefined ? undefined : createTheme(opts.color)}
    />,
    size,
  );
}

/**
 * The App rendered at `size` as plain text: no escape bytes, exactly `size.height - 1` lines (the App
 * keeps the terminal's last row free), each at most `size.width` columns.
 */
export function renderFrameText(state: AppState, size: { width: number; height: number }, opts: FrameOptions = {}): string {
  const raw = renderFrameRaw(state, size, opts);
  const text = opts.ansi ? raw : plainText(raw);
  const lines = text.split('\n');
  const want = Math.max(1, size.height - 1);
  const out = lines.slice(0, want).map((l) => l.replace(/\s+$/, ''));
  while (out.length < want) out.push('');
  return out.join('\n');
}
