// A virtualised table: only the rows inside the pane's window are built, so 5,000 pods cost the same
// to draw as 20. Columns fit the pane width, cells are clipped with an ellipsis, the selection is inverse.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { Colour } from '../theme/theme.js';
import { Line, type Segment } from './Line.js';
import { COLUMN_GAP, columnWidths, type ColumnSpec } from './layoutColumns.js';
import { fit } from '../../src/text/index.js';

export interface Cell {
  text: string;
  color?: Colour;
  bold?: boolean;
  dim?: boolean;
}

export interface Column<T> extends ColumnSpec {
  header: string;
  align?: 'left' | 'right';
  /** where an over-long cell is cut: names that differ in their tail want 'middle' */
  cut?: 'end' | 'middle';
  cell: (row: T, index: number) => Cell;
}

/** First row index of the window that keeps `selected` visible, roughly centred. */
export function windowStart(count: number, selected: number, height: number): number {
  if (height <= 0 || count <= height) return 0;
  const sel = Math.max(0, Math.min(selected, count - 1));
  return Math.max(0, Math.min(sel - Math.floor(height / 2), count - height));
}

export interface TableProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  /** index into rows of the selected row, or null for none */
  selected: number | null;
  /** whether the pane has focus: the selection is inverse only then, bold otherwise */
  focused: boolean;
  width: number;
  /** total lines including the header line */
  height: number;
  keyOf: (row: T) => string;
  empty?: ReactNode;
}

export function Table<T>({ columns, rows, selected, focused, width, height, keyOf, empty }: TableProps<T>) {
  const widths = columnWidths(columns, width);
  const shown = columns.map((c, i) => ({ c, w: widths[i] ?? 0 })).filter((x) => x.w > 0);
  const bodyHeight = Math.max(0, height - 1);
  const start = windowStart(rows.length, selected ?? 0, bodyHeight);
  const window = rows.slice(start, start + bodyHeight);
  const gap = ' '.repeat(COLUMN_GAP);

  const header: Segment[] = [
    { text: shown.map(({ c, w }) => fit(c.header, w, c.align)).join(gap), bold: true },
  ];
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {height > 0 && <Line segments={header} />}
      {rows.length === 0 && bodyHeight > 0 ? empty : null}
      {window.map((row, i) => {
        const index = start + i;
        const isSelected = selected !== null && index === selected;
        const segments: Segment[] = [];
        shown.forEach(({ c, w }, n) => {
          const cell = c.cell(row, index);
          if (n > 0) segments.push({ text: gap });
          segments.push({ text: fit(cell.text, w, c.align, c.cut), color: cell.color, bold: cell.bold, dim: cell.dim });
        });
        return (
          <Line
            key={keyOf(row)}
            segments={segments}
            inverse={isSelected && focused}
            bold={isSelected && !focused}
          />
        );
      })}
    </Box>
  );
}
