// Renders the help overlay alone at a given size and page, as plain text lines.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { Keymap } from '../../keymaps/types.js';
import { stripAnsi } from '../../views/frame.js';
import { HelpOverlay } from '../../views/HelpOverlay.js';

class Out extends EventEmitter {
  last = '';
  isTTY = true;
  constructor(readonly columns: number, readonly rows: number) {
    super();
  }
  write = (chunk: string): boolean => {
    if (stripAnsi(chunk).trim() !== '') this.last = chunk;
    return true;
  };
}

export function renderHelp(keymap: Keymap, width: number, height: number, page = 0): string[] {
  const stdout = new Out(width, height + 1);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false, setRawMode: () => {}, setEncoding: () => {}, ref: () => {}, unref: () => {}, read: () => null });
  const instance = render(<HelpOverlay keymap={keymap} width={width} height={height} page={page} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new Out(width, height) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = stdout.last;
  instance.unmount();
  instance.cleanup();
  return stripAnsi(frame)
    .split('\n')
    .slice(0, height)
    .map((l) => l.replace(/\s+$/, ''));
}
