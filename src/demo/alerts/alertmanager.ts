// The simulated Alertmanager: the alerts the rules push (plus any POSTed like Prometheus does), their
// silence and inhibition status, and the v2 API over them.
import type { AlertmanagerSim, FiringAlert, Rng } from '../contracts.js';
import { createAlertmanagerApi } from './alertmanager-api.js';
import { fingerprint } from './fingerprint.js';
import { inhibitedBy } from './inhibition.js';
import { createSilenceStore, type SilenceStore } from './silences.js';

export interface AlertmanagerOptions {
  now: () => number;
  /** silence ids are drawn from it (deterministic demos); crypto UUIDs without it */
  rng?: Rng;
  /** global.resolve_timeout: how long an alert posted without endsAt stays firing without a refresh (default 5m) */
  resolveTimeoutMs?: number;
  /** the single route's receiver name */
  receiver?: string;
  /** base of the generatorURL given to rule alerts */
  prometheusUrl?: string;
}

export interface StoredAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  generatorURL: string;
  /** pushed by receive(): resolved as soon as the rules stop pushing it, as Prometheus sends a resolve */
  fromRules: boolean;
}

export interface AlertStatus {
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy: string[];
  inhibitedBy: string[];
}

export interface AlertmanagerCore {
  readonly receiver: string;
  readonly resolveTimeoutMs: number;
  readonly silences: SilenceStore;
  readonly now: () => number;
  /** alerts still firing at t (endsAt after t) */
  firingAt(t: number): StoredAlert[];
  statusOf(alert: StoredAlert, firing: readonly StoredAlert[], t: number): AlertStatus;
  /** POST /api/v2/alerts, already validated */
  put(alerts: Omit<StoredAlert, 'fingerprint' | 'updatedAt' | 'fromRules'>[], t: number): void;
}

export interface AlertmanagerSimWithState extends AlertmanagerSim {
  readonly core: AlertmanagerCore;
}

// Resolved alerts are kept a little while (invisible to the API, as in Alertmanager) before being dropped.
const RESOLVED_RETENTION_MS = 5 * 60 * 1000;

export function createAlertmanager(opts: AlertmanagerOptions): AlertmanagerSimWithState {
  const resolveTimeoutMs = opts.resolveTimeoutMs ?? 5 * 60 * 1000;
  const receiver = opts.receiver ?? 'oncall';
  const prometheusUrl = opts.prometheusUrl ?? 'http://127.0.0.1:9090';
  const alerts = new Map<string, StoredAlert>();
  const silences = createSilenceStore(opts.rng);

  const generatorURL = (labels: Record<string, string>): string =>
    `${prometheusUrl}/graph?g0.expr=${encodeURIComponent(`ALERTS{alertname="${labels.alertname ?? ''}"}`)}&g0.tab=1`;

  function upsert(a: Omit<StoredAlert, 'fingerprint' | 'updatedAt'>, t: number, fp = fingerprint(a.labels)): void {
    const prev = alerts.get(fp);
    // A refresh of a still-firing alert keeps its original start, as Alertmanager's merge does.
    const startsAt = prev && prev.endsAt > t ? Math.min(prev.startsAt, a.startsAt) : a.startsAt;
    alerts.set(fp, { ...a, fingerprint: fp, startsAt, updatedAt: t });
  }

  function gc(t: number): void {
    for (const [fp, a] of alerts) if (a.endsAt < t - RESOLVED_RETENTION_MS) alerts.delete(fp);
  }

  const core: AlertmanagerCore = {
    receiver,
    resolveTimeoutMs,
    silences,
    now: opts.now,
    firingAt: (t) => [...alerts.values()].filter((a) => a.endsAt > t),
    statusOf(alert, firing, t) {
      const silencedBy = silences.matching(alert.labels, t);
      const inhibited = inhibitedBy(alert, firing);
      return {
        state: silencedBy.length > 0 || inhibited.length > 0 ? 'suppressed' : 'active',
        silencedBy,
        inhibitedBy: inhibited,
      };
    },
    put(posted, t) {
      for (const a of posted) upsert({ ...a, fromRules: false }, t);
      gc(t);
    },
  };

  return {
    core,
    receive(tMs: number, firing: FiringAlert[]): void {
      const pushed = new Set<string>();
      for (const f of firing) {
        const fp = fingerprint(f.labels);
        pushed.add(fp);
        upsert(
          {
            labels: f.labels,
            annotations: f.annotations,
            startsAt: f.startsAt,
            endsAt: tMs + resolveTimeoutMs,
            generatorURL: generatorURL(f.labels),
            fromRules: true,
          },
          tMs,
          fp,
        );
      }
      for (const a of alerts.values()) {
        if (a.fromRules && a.endsAt > tMs && !pushed.has(a.fingerprint)) {
          a.endsAt = tMs;
          a.updatedAt = tMs;
        }
      }
      gc(tMs);
    },
    isSilenced: (labels, tMs) => silences.matching(labels, tMs).length > 0,
    api: createAlertmanagerApi(core),
  };
}
