// One row of bench/results.json and of the printed table.

export interface Row {
  name: string;
  /** null when the figure could not be measured (the row then fails) */
  value: number | null;
  unit: string;
  target: string;
  /** measured in the same run, or null where no baseline exists */
  baseline: number | null;
  pass: boolean;
}

export function row(name: string, value: number | null, unit: string, target: string, ok: (v: number) => boolean, baseline: number | null = null): Row {
  return { name, value, unit, target, baseline, pass: value !== null && ok(value) };
}

const show = (v: number | null) => (v === null ? '—' : String(v));

export function table(rows: Row[]): string {
  const head = ['name', 'value', 'unit', 'target', 'baseline', 'pass'];
  const cells = rows.map((r) => [r.name, show(r.value), r.unit, r.target, show(r.baseline), r.pass ? 'PASS' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // numbers right-aligned so magnitudes line up
  const fmt = (c: string[]) => c.map((s, i) => (i === 1 || i === 4 ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n');
}
