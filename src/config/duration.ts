// Config durations are written the way Prometheus and kubectl write them ("500ms", "5s", "2m").

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "5s" -> 5000; returns null when the text is not a positive duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * (UNITS[match[2] ?? ''] ?? 0);
  return ms > 0 && Number.isFinite(ms) ? Math.round(ms) : null;
}
