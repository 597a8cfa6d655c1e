// Help generated from the keymap data: adding a binding adds its line here, nothing is hand-written.
import { Box } from 'ink';
import type { KeyContext, Keymap } from '../keymaps/types.js';
import { PANES } from '../src/state/types.js';
import { Line, type Segment } from './components/Line.js';
import { useTheme } from './theme/ThemeContext.js';
import { cellWidth, clip, fit } from './text.js';
import { contextLabel, keyFor, keysLabel } from './keyLabels.js';

type Row = { kind: 'header'; text: string } | { kind: 'binding'; keys: string; description: string };

const CONTEXT_ORDER: KeyContext[] = ['global', ...PANES, 'filter', 'help'];

export function helpRows(keymap: Keymap): Row[] {
  const rows: Row[] = [];
  for (const ctx of CONTEXT_ORDER) {
    const bindings = keymap.filter((b) => b.context === ctx);
    if (bindings.length === 0) continue;
    rows.push({ kind: 'header', text: contextLabel(ctx) });
    for (const b of bindings) rows.push({ kind: 'binding', keys: keysLabel(b), description: b.description });
  }
  return rows;
}

/** Split rows into as few columns as fit the height; a header never ends a column. */
function columns(rows: Row[], height: number): Row[][] {
  const per = Math.max(1, height);
  const cols: Row[][] = [[]];
  for (const row of rows) {
    let col = cols[cols.length - 1]!;
    const full = col.length >= per || (row.kind === 'header' && col.length >= per - 1);
    if (full) {
      col = [];
      cols.push(col);
    }
    col.push(row);
  }
  return cols;
}

export function HelpOverlay({ keymap, width, height }: { keymap: Keymap; width: number; height: number }) {
  const theme = useTheme();
  const inner = Math.max(0, width - 2);
  const bodyHeight = Math.max(0, height - 2);
  const rows = helpRows(keymap);
  const cols = columns(rows, bodyHeight);
  const colWidth = Math.max(1, Math.floor(inner / Math.max(1, cols.length)));
  const keyWidth = Math.min(
    Math.max(0, ...rows.map((r) => (r.kind === 'binding' ? cellWidth(r.keys) : 0))),
    Math.floor(colWidth / 3),
  );
  const close = [keyFor(keymap, 'help-close', 'help'), keyFor(keymap, 'help-toggle')].filter(Boolean).join(' or ');
  const title: Segment[] = [
    { text: '┏━ ' },
    { text: 'Help', bold: true, inverse: true },
    { text: ` ━ ${close} to close ` },
  ];
  const titleText = title.map((s) => s.text).join('');
  title.push({ text: `${'━'.repeat(Math.max(0, width - cellWidth(titleText) - 1))}┓` });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line segments={title} />
      <Box borderStyle="bold" borderTop={false} flexDirection="column" width={width} height={height - 1} overflow="hidden">
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
      </Box>
    </Box>
  );
}
