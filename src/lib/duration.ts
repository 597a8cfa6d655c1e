// Durations, parsed and written in one grammar: Prometheus's (also Alertmanager's, amtool's and Loki's),
// one or more whole-number+unit pairs, largest unit first, each unit at most once: "500ms", "90s", "5m",
// "2h30m", "1d", "1w". The config (interval, timeout), the silence modal and the simulator's PromQL and
// LogQL all read durations through parseDuration, so a value that works in one works in all of them.

const UNITS = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
] as const;

const UNIT_MS: Record<string, number> = Object.fromEntries(UNITS);
const PART = /(\d+)(ms|y|w|d|h|m|s)/y;

/** Milliseconds, or null when the text is not a duration (empty, a fraction, units out of order, junk). */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  let pos = 0;
  let total = 0;
  let lastUnit = Infinity;
  while (pos < t.length) {
    PART.lastIndex = pos;
    const m = PART.exec(t);
    if (!m) return null;
    const unit = UNIT_MS[m[2]!]!;
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    total += Number(m[1]) * unit;
    pos = PART.lastIndex;
  }
  return Number.isSafeInteger(total) ? total : null;
}

/** The exact inverse of parseDuration, as Prometheus prints durations: 5400000 -> "1h30m", 0 -> "0s". */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms);
  if (!Number.isFinite(rest) || rest <= 0) return '0s';
  let out = '';
  for (const [unit, size] of UNITS) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}

/**
 * kubectl's AGE column (HumanDuration in k8s.io/apimachinery): 45s, 3m20s, 12m, 3h12m, 2d4h, 400d, 3y.
 * Two units while the first is small, one after; "<invalid>" for a time more than a second in the future.
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return '<invalid>';
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return withRest(`${minutes}m`, seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return withRest(`${hours}h`, minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withRest(`${days}d`, hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return withRest(`${years}y`, days % 365, 'd');
  return `${years}y`;
}

const withRest = (head: string, rest: number, unit: string): string => (rest === 0 ? head : `${head}${rest}${unit}`);

/** The largest whole unit only, for "updated 12s ago" and alert ages: 12s, 12m, 3h, 2d. */
export function formatSince(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0s';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}
