// Alertmanager API v2: every alert (active, silenced, inhibited, unprocessed) grouped by alertname, plus silences.
// Shapes: https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml (gettableAlert, gettableSilence).
import { z } from 'zod';
import { severityRank } from '../state/severity.js';
import type { AlertGroup, AlertInfo, AlertsData, SilenceInfo, SourceState } from '../state/types.js';
import { sanitizeLabels, sanitizeLine } from '../text/sanitize.js';
import { getJson, joinUrl } from './http.js';
import { createPoller, type Poller } from './poller.js';

const labelSet = z.record(z.string(), z.string());

const alertSchema = z.object({
  fingerprint: z.string(),
  labels: labelSet,
  annotations: labelSet.optional().default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  updatedAt: z.string().optional(),
  status: z.object({
    state: z.enum(['active', 'suppressed', 'unprocessed']),
    silencedBy: z.array(z.string()).nullable().optional(),
    inhibitedBy: z.array(z.string()).nullable().optional(),
  }),
});

const silenceSchema = z.object({
  id: z.string(),
  status: z.object({ state: z.enum(['active', 'pending', 'expired']) }),
  matchers: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      isRegex: z.boolean(),
      // added in Alertmanager 0.22; older servers only have equality matchers
      isEqual: z.boolean().optional(),
    }),
  ),
  createdBy: z.string(),
  comment: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

const toMs = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Expired silences are history; a few recent ones help answer "who silenced this and why". */
const MAX_EXPIRED_SILENCES = 10;

export function mapAlerts(rawAlerts: unknown, rawSilences: unknown): AlertsData {
  const alerts = z.array(alertSchema).parse(rawAlerts);
  const silences = z.array(silenceSchema).parse(rawSilences);

  // HA pairs of Alertmanagers (or a retried push) can report the same alert twice: keep one per fingerprint
  const seen = new Set<string>();
  const byName = new Map<string, AlertInfo[]>();
  for (const a of alerts) {
    if (seen.has(a.fingerprint)) continue;
    seen.add(a.fingerprint);
    const labels = sanitizeLabels(a.labels);
    const info: AlertInfo = {
      fingerprint: sanitizeLine(a.fingerprint, 64),
      alertname: labels.alertname ?? '(no alertname)',
      severity: labels.severity ?? 'none',
      state: a.status.state,
      silencedBy: (a.status.silencedBy ?? []).map((s) => sanitizeLine(s, 64)),
      inhibitedBy: (a.status.inhibitedBy ?? []).map((s) => sanitizeLine(s, 64)),
      startsAt: toMs(a.startsAt),
      labels,
      summary: sanitizeLine(a.annotations.summary ?? a.annotations.message ?? '', 512),
      description: sanitizeLine(a.annotations.description ?? '', 2048),
    };
    const list = byName.get(info.alertname) ?? [];
    list.push(info);
    byName.set(info.alertname, list);
  }

  const groups: AlertGroup[] = [...byName.entries()].map(([alertname, list]) => {
    list.sort((x, y) => severityRank(x.severity) - severityRank(y.severity) || x.startsAt - y.startsAt);
    const worst = list.reduce((w, a) => (severityRank(a.severity) < severityRank(w.severity) ? a : w), list[0]!);
    return { alertname, severity: worst.severity, alerts: list };
  });
  groups.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.alertname.localeCompare(b.alertname));

  const mapped: SilenceInfo[] = silences.map((s) => ({
    id: sanitizeLine(s.id, 64),
    state: s.status.state,
    matchers: s.matchers.map((m) => ({
      name: sanitizeLine(m.name, 256),
      value: sanitizeLine(m.value, 1024),
      isRegex: m.isRegex,
      isEqual: m.isEqual ?? true,
    })),
    createdBy: sanitizeLine(s.createdBy, 256),
    comment: sanitizeLine(s.comment, 1024),
    startsAt: toMs(s.startsAt),
    endsAt: toMs(s.endsAt),
  }));
  const live = mapped.filter((s) => s.state !== 'expired').sort((a, b) => a.endsAt - b.endsAt);
  const expired = mapped
    .filter((s) => s.state === 'expired')
    .sort((a, b) => b.endsAt - a.endsAt)
    .slice(0, MAX_EXPIRED_SILENCES);
  return { groups, silences: [...live, ...expired] };
}

export async function fetchAlerts(baseUrl: string, signal: AbortSignal, timeoutMs: number): Promise<AlertsData> {
  const params = { active: true, silenced: true, inhibited: true, unprocessed: true };
  const [alerts, silences] = await Promise.all([
    getJson(joinUrl(baseUrl, '/api/v2/alerts'), { signal, timeoutMs, params }),
    getJson(joinUrl(baseUrl, '/api/v2/silences'), { signal, timeoutMs }),
  ]);
  return mapAlerts(alerts, silences);
}

export function createAlertmanagerSource(
  baseUrl: string,
  timing: { intervalMs: number; timeoutMs: number },
  onState: (s: SourceState<AlertsData>) => void,
): Poller<AlertsData> {
  return createPoller({
    name: 'alertmanager',
    ...timing,
    fetch: (signal) => fetchAlerts(baseUrl, signal, timing.timeoutMs),
    onState,
  });
}
