import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { VIM_KEYMAP } from '../../keymaps/vim.js';
import type { Keymap } from '../../keymaps/types.js';
import { resolveKeymap } from '../../src/config/keys.js';
import { helpLayout } from '../../views/HelpOverlay.js';
import { cellWidth } from '../../src/text/index.js';
import { renderHelp } from './renderHelp.js';

/** The App gives the overlay its full height minus the status bar and the kept-free last row. */
const SIZES = [
  [120, 38],
  [80, 22],
] as const;

function allPages(keymap: Keymap, width: number, height: number): string[][] {
  const count = helpLayout(keymap, width, height).pages.length;
  return Array.from({ length: count }, (_, page) => renderHelp(keymap, width, height, page));
}

describe.each([
  ['default', DEFAULT_KEYMAP],
  ['vim', VIM_KEYMAP],
])('help for the %s keymap', (_name, keymap) => {
  it.each(SIZES)('lists every binding with its keys and whole description at %ix%i, no line overflowing', (width, height) => {
    const pages = allPages(keymap, width, height);
    const text = pages.flat().join('\n');
    for (const b of keymap) {
      const keys = b.keys.map((k) => (k.length === 1 ? k : '')).filter(Boolean);
      expect(text, b.id).toContain(b.description);
      // the description's line also shows one of its keys
      const line = pages.flat().find((l) => l.includes(b.description))!;
      if (keys.length > 0) expect(keys.some((k) => line.includes(k)), `${b.id}: ${line}`).toBe(true);
    }
    for (const lines of pages) {
      expect(lines).toHaveLength(height);
      for (const l of lines) expect(cellWidth(l), l).toBeLessThanOrEqual(width);
    }
  });

  it('includes the modal and Actions view sections', () => {
    const text = allPages(keymap, 120, 38).flat().join('\n');
    expect(text).toContain('In a confirmation');
    expect(text).toContain('In the Actions view');
    expect(text).toContain('Typed into a focused field');
  });
});

describe('help layout', () => {
  it('uses two columns side by side at 80 columns', () => {
    const page = renderHelp(DEFAULT_KEYMAP, 80, 22, 0);
    expect(page.find((l) => l.includes('Focus next pane'))).toMatch(/Focus next pane.{5,}\S/);
  });

  it('fits on one page at 120x40 and says nothing about pages', () => {
    expect(helpLayout(DEFAULT_KEYMAP, 120, 38).pages).toHaveLength(1);
    expect(renderHelp(DEFAULT_KEYMAP, 120, 38)[0]).not.toMatch(/page/);
  });

  it('pages at 80x24, naming the page and the keys that turn it', () => {
    const pages = allPages(DEFAULT_KEYMAP, 80, 22);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]![0]).toMatch(/page 1\/2, j\/k for more/);
    expect(pages[1]![0]).toMatch(/page 2\/2/);
    expect(pages[0]!.join('\n')).not.toEqual(pages[1]!.join('\n'));
  });

  it('wraps the page number both ways', () => {
    const count = helpLayout(DEFAULT_KEYMAP, 80, 22).pages.length;
    expect(renderHelp(DEFAULT_KEYMAP, 80, 22, count)).toEqual(renderHelp(DEFAULT_KEYMAP, 80, 22, 0));
    expect(renderHelp(DEFAULT_KEYMAP, 80, 22, -1)).toEqual(renderHelp(DEFAULT_KEYMAP, 80, 22, count - 1));
  });

  it('shows keys as overridden in the config', () => {
    const keymap = resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': 'ctrl+k' });
    const text = allPages(keymap, 80, 22).flat().join('\n');
    expect(text).toMatch(/Ctrl-K\s+Delete selected pod/);
    expect(text).not.toMatch(/Ctrl-D/);
  });

  it('does not crash on a tiny terminal', () => {
    expect(() => renderHelp(DEFAULT_KEYMAP, 20, 4)).not.toThrow();
  });
});
