// Renders the help overlay alone at a given size and page, as plain text lines.
import type { Keymap } from '../../keymaps/types.js';
import { plainText } from '../../src/text/index.js';
import { renderElementRaw } from '../../views/frame.js';
import { HelpOverlay } from '../../views/HelpOverlay.js';

export function renderHelp(keymap: Keymap, width: number, height: number, page = 0): string[] {
  return plainText(renderElementRaw(<HelpOverlay keymap={keymap} width={width} height={height} page={page} />, { width, height: height + 1 }))
    .split('\n')
    .slice(0, height)
    .map((l) => l.replace(/\s+$/, ''));
}
