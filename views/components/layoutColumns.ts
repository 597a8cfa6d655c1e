// Column widths for a table that must fit its pane exactly.

export interface ColumnSpec {
  /** fixed width in cells, or the minimum width of a flexible column */
  width: number;
  /** share of the leftover width; 0 = fixed */
  flex?: number;
  /** columns with a higher number are dropped first when the pane is too narrow */
  dropOrder?: number;
}

export const COLUMN_GAP = 1;

/**
 * Widths per column (0 = column dropped) summing, with one-cell gaps, to at most `total`.
 * Columns are dropped by dropOrder until the minimums fit; the last column left shrinks to fit.
 */
export function columnWidths(specs: readonly ColumnSpec[], total: number): number[] {
  const keep = specs.map(() => true);
  const need = () =>
    specs.reduce((sum, s, i) => (keep[i] ? sum + s.width : sum), 0) + Math.max(0, keep.filter(Boolean).length - 1) * COLUMN_GAP;
  while (need() > total) {
    let drop = -1;
    let worst = 0;
    specs.forEach((s, i) => {
      if (keep[i] && (s.dropOrder ?? 0) > worst) {
        worst = s.dropOrder ?? 0;
        drop = i;
      }
    });
    if (drop < 0) break;
    keep[drop] = false;
  }
  const widths = specs.map((s, i) => (keep[i] ? s.width : 0));
  let spare = total - need();
  const flexTotal = specs.reduce((sum, s, i) => (keep[i] ? sum + (s.flex ?? 0) : sum), 0);
  if (spare > 0 && flexTotal > 0) {
    let given = 0;
    const flexIdx = specs.map((s, i) => (keep[i] && (s.flex ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
    flexIdx.forEach((i, n) => {
      const spec = specs[i]!;
      const extra = n === flexIdx.length - 1 ? spare - given : Math.floor((spare * (spec.flex ?? 0)) / flexTotal);
      widths[i]! += extra;
      given += extra;
    });
    spare = 0;
  }
  if (spare < 0) {
    // Even the undroppable columns do not fit: shrink from the right.
    for (let i = widths.length - 1; i >= 0 && spare < 0; i--) {
      const cut = Math.min(widths[i]!, -spare);
      widths[i]! -= cut;
      spare += cut;
    }
  }
  return widths;
}
