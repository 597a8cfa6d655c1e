// Alert severities in the order a responder needs them: the source groups by it, the Alerts pane sorts by it.
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, warning: 2, info: 3 };

/** Lower is more urgent; an unknown severity sorts after every known one. */
export const severityRank = (severity: string): number => SEVERITY_RANK[severity] ?? 4;
