// Prometheus duration strings: one or more number+unit pairs, largest unit first ("1h30m", "5m", "250ms").

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const PART = /(\d+)(ms|s|m|h|d|w|y)/y;

/** Milliseconds, or undefined when the text is not a valid duration. */
export function parseDuration(text: string): number | undefined {
  if (text === '') return undefined;
  let pos = 0;
  let total = 0;
  let lastUnit = Infinity;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) return undefined;
    const unit = UNIT_MS[m[2]!]!;
    if (unit >= lastUnit) return undefined;
    lastUnit = unit;
    total += Number(m[1]) * unit;
    pos = PART.lastIndex;
  }
  return total;
}
