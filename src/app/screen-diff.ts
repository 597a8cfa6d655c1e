// Writes a frame as the difference from the one before, cell by cell: a ticking "updated 4s ago" costs a
// cursor move and one character instead of the whole row Ink's incremental renderer rewrites, and a Logs
// pane that moves up by a line is scrolled by the terminal (a scroll region) instead of redrawn. On a thin
// SSH link this is the difference between a usable console and one that lags behind the incident.
import { blankRow, parseRow, sameCell, sameRow, type Row } from './screen-model.js';

const ESC = '\u001b[';
const moveTo = (row: number, col: number) => `${ESC}${row + 1};${col + 1}H`;
const sgr = (style: string) => `${ESC}0${style ? `;${style}` : ''}m`;
/** a gap of unchanged cells shorter than this is rewritten rather than jumped over (a move costs ~8 bytes) */
const JOIN_GAP = 6;
const MAX_SCROLL = 8;

export interface ScreenWriter {
  /** the bytes that turn the screen into `lines` (one string per row, SGR styled) */
  frame(lines: readonly string[]): string;
  /** forget what is on screen: the next frame is drawn whole (after a resize, or when the terminal was cleared) */
  invalidate(): void;
}

/** Changed cells of one row as [start, end) runs, close runs joined; wide characters kept whole. */
function changedRuns(before: Row, after: Row): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < after.length) {
    if (sameCell(before[i]!, after[i]!)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && (after[start]!.width === 0 || before[start]!.width === 0)) start--;
    let end = i + 1;
    while (end < after.length && !sameCell(before[end]!, after[end]!)) end++;
    while (end < after.length && (after[end]!.width === 0 || before[end]!.width === 0)) end++;
    const last = runs[runs.length - 1];
    if (last && start - last[1] < JOIN_GAP) last[1] = end;
    else runs.push([start, end]);
    i = end;
  }
  return runs;
}

function writeRun(row: Row, y: number, [start, end]: [number, number]): string {
  let out = moveTo(y, start);
  let style: string | null = null;
  for (let x = start; x < end; x++) {
    const cell = row[x]!;
    if (cell.width === 0) continue;
    if (cell.style !== style) {
      out += sgr(cell.style);
      style = cell.style;
    }
    out += cell.ch;
  }
  return out;
}

/**
 * The shift k (rows moved up) that explains most of the changed rows in [top, bottom], with the block of
 * rows it explains; null when no shift explains at least three rows (not worth a scroll).
 */
export function findScroll(before: Row[], after: Row[]): { top: number; bottom: number; k: number } | null {
  let best: { top: number; bottom: number; k: number; rows: number } | null = null;
  for (let k = 1; k <= MAX_SCROLL; k++) {
    let runStart = -1;
    for (let y = 0; y <= after.length - k; y++) {
      // the last y (y + k past the end) never moves, so every run is closed
      const moved = y + k < before.length && !sameRow(before[y]!, after[y]!) && sameRow(after[y]!, before[y + k]!);
      if (moved && runStart < 0) runStart = y;
      if (!moved && runStart >= 0) {
        const last = y - 1;
        const rows = last - runStart + 1;
        if (rows >= 3 && (!best || rows > best.rows)) best = { top: runStart, bottom: last + k, k, rows };
        runStart = -1;
      }
    }
  }
  return best && { top: best.top, bottom: best.bottom, k: best.k };
}

/** Scroll rows [top, bottom] up by k on screen, and in the model of it. */
function scroll(screen: Row[], { top, bottom, k }: { top: number; bottom: number; k: number }, columns: number): string {
  const moved = screen.slice(top + k, bottom + 1);
  const blanks = Array.from({ length: k }, () => blankRow(columns));
  screen.splice(top, bottom - top + 1, ...moved, ...blanks);
  // the scroll region, k lines up (SU), the region reset; SGR reset first so the new lines are blank
  return `${ESC}0m${ESC}${top + 1};${bottom + 1}r${ESC}${k}S${ESC}r`;
}

export function createScreenWriter(columns: number, rows: number): ScreenWriter {
  let screen: Row[] | null = null;
  // rows parsed from the last frame's lines: most lines of a frame are the same text as before
  let parsed = new Map<string, Row>();
  const parse = (line: string, cache: Map<string, Row>): Row => {
    const row = parsed.get(line) ?? cache.get(line) ?? parseRow(line, columns);
    cache.set(line, row);
    return row;
  };
  return {
    invalidate: () => (screen = null),
    frame(lines) {
      const cache = new Map<string, Row>();
      const next = Array.from({ length: rows }, (_, y) => (y < lines.length ? parse(lines[y]!, cache) : blankRow(columns)));
      parsed = cache;
      let out = '';
      if (!screen) {
        screen = Array.from({ length: rows }, () => blankRow(columns));
        out += `${ESC}0m${ESC}H${ESC}2J`;
      }
      const shift = findScroll(screen, next);
      if (shift) out += scroll(screen, shift, columns);
      for (let y = 0; y < rows; y++) {
        const before = screen[y]!;
        const after = next[y]!;
        for (const run of changedRuns(before, after)) out += writeRun(after, y, run);
      }
      screen = next;
      return out ? `${out}${ESC}0m` : '';
    },
  };
}
