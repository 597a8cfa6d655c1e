// Help generated from the keymap data: adding a binding adds its line here, nothing is hand-written.
// It lays the bindings out in as many columns as the width allows and, when they still do not fit the
// height (80x24 with the remediation keys), in pages; the runtime owns the page number.
import { Box } from 'ink';
import type { KeyContext, Keymap } from '../keymaps/types.js';
import { PANES } from '../src/state/types.js';
import { Line, type Segment } from './components/Line.js';
import { Overlay } from './components/Overlay.js';
import { useTheme } from './theme/ThemeContext.js';
import { cellWidth, clip, fit } from '../src/text/index.js';
import { contextLabel, keyFor, keysLabel } from './keyLabels.js';

type Row = { kind: 'header'; text: string } | { kind: 'binding'; keys: string; description: string };

const CONTEXT_ORDER: KeyContext[] = ['global', ...PANES, 'filter', 'help', 'actions', 'modal'];
/** Narrowest column worth having: keys plus a whole short description. */
const MIN_COLUMN = 36;

const labelOf = (ctx: KeyContext): string =>
  ctx === 'modal' ? 'In a confirmation' : ctx === 'actions' ? 'In the Actions view' : contextLabel(ctx);

export function helpRows(keymap: Keymap): Row[] {
  const rows: Row[] = [];
  for (const ctx of CONTEXT_ORDER) {
    const bindings = keymap.filter((b) => b.context === ctx);
    if (bindings.length === 0) continue;
    rows.push({ kind: 'header', text: labelOf(ctx) });
    for (const b of bindings) rows.push({ kind: 'binding', keys: b.keys.length > 0 ? keysLabel(b) : '(none)', description: b.description });
    // Not a binding: what the matcher does with printable keys while a modal's text field has focus.
    if (ctx === 'modal') rows.push({ kind: 'binding', keys: 'text', description: 'Typed into a focused field' });
  }
  return rows;
}

/** Split rows into columns of `height` rows; a header never ends a column. */
function columns(rows: Row[], height: number): Row[][] {
  const per = Math.max(1, height);
  const cols: Row[][] = [[]];
  for (const row of rows) {
    let col = cols[cols.length - 1]!;
    const full = col.length >= per || (row.kind === 'header' && col.length >= per - 1 && col.length > 0);
    if (full) {
      col = [];
      cols.push(col);
    }
    col.push(row);
  }
  return cols;
}

export interface HelpLayout {
  /** pages of columns of rows */
  pages: Row[][][];
  colWidth: number;
  keyWidth: number;
}

export function helpLayout(keymap: Keymap, width: number, height: number): HelpLayout {
  const inner = Math.max(0, width - 2);
  const rows = helpRows(keymap);
  const cols = columns(rows, Math.max(1, height - 2));
  const perPage = Math.max(1, Math.min(cols.length, Math.floor(inner / MIN_COLUMN)));
  const pages: Row[][][] = [];
  for (let i = 0; i < cols.length; i += perPage) pages.push(cols.slice(i, i + perPage));
  const colWidth = Math.max(1, Math.floor(inner / perPage));
  const keyWidth = Math.min(
    Math.max(0, ...rows.map((r) => (r.kind === 'binding' ? cellWidth(r.keys) : 0))),
    Math.floor(colWidth / 3),
  );
  return { pages, colWidth, keyWidth };
}

/** `page` counts up and down without bound (the runtime does not know the terminal size); it wraps here. */
export const pageIndex = (page: number, pages: number): number => ((Math.trunc(page) % pages) + pages) % pages;

export function HelpOverlay({ keymap, width, height, page = 0 }: { keymap: Keymap; width: number; height: number; page?: number }) {
  const theme = useTheme();
  const inner = Math.max(0, width - 2);
  const bodyHeight = Math.max(0, height - 2);
  const { pages, colWidth, keyWidth } = helpLayout(keymap, width, height);
  const current = pageIndex(page, pages.length);
  const cols = pages[current] ?? [];
  const close = [keyFor(keymap, 'help-close', 'help'), keyFor(keymap, 'help-toggle')].filter(Boolean).join(' or ');
  const title: Segment[] = [
    { text: 'Help', bold: true, inverse: true },
    { text: ` ━ ${close} to close ` },
  ];
  if (pages.length > 1) {
    const turn = [keyFor(keymap, 'select-next'), keyFor(keymap, 'select-prev')].filter(Boolean).join('/');
    title.push({ text: '━ ' }, { text: `page ${current + 1}/${pages.length}`, bold: true, color: theme.accent }, { text: turn ? `, ${turn} for more ` : ' ' });
  }
  return (
    <Overlay title={title} width={width} height={height}>
        <Box flexDirection="row" width={inner} height={bodyHeight} overflow="hidden">
          {cols.map((col, c) => (
            <Box key={c} flexDirection="column" width={colWidth} overflow="hidden">
              {col.map((r, i) =>
                r.kind === 'header' ? (
                  <Line key={i} segments={[{ text: clip(r.text, colWidth - 1), bold: true, underline: true }]} />
                ) : (
                  <Line
                    key={i}
                    segments={[
                      { text: `${fit(r.keys, keyWidth)} `, bold: true, color: theme.accent },
                      { text: clip(r.description, Math.max(0, colWidth - keyWidth - 2)) },
                    ]}
                  />
                ),
              )}
            </Box>
          ))}
        </Box>
    </Overlay>
  );
}
