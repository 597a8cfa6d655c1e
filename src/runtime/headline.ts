// The wall screen's headline: one word for the whole system (OK / DEGRADED / CRITICAL / STALE) and the few
// facts behind it. Pure, so every rule is tested without rendering; formatting is the views' business.
//
// The one rule that outranks the others: data we cannot vouch for is never shown as if it were live. When
// a source that feeds the headline has not answered for `staleAfterMs` (or has never answered, that long
// after start), the word is STALE, whatever the frozen numbers say; they are still reported, as
// `lastKnown` and with `stale` flags, so the band can show them marked as old instead of hiding them.
import { severityRank } from '../state/severity.js';
import type { AppState, SloValue, SourceKey, SourceState } from '../state/types.js';
import { isPodProblem } from './selectors.js';

export type HeadlineLevel = 'OK' | 'DEGRADED' | 'CRITICAL' | 'STALE';
export type KnownLevel = Exclude<HeadlineLevel, 'STALE'>;

/**
 * The sources whose numbers the headline and the wall's panes show. Not `logs`: its `updatedAt` is the
 * time of the last log line, and a quiet service writes none for minutes while its stream is perfectly
 * live (the Logs pane shows its own stream health).
 */
export const HEADLINE_SOURCES: readonly SourceKey[] = ['kube', 'slos', 'latency', 'alerts', 'consensus', 'logErrors'];

export interface SourceFreshness {
  key: SourceKey;
  /** how old its data is, or how long we have waited for its first answer when it never gave one */
  ageMs: number;
  /** true when it never answered (still loading, or failed before its first success) */
  waiting: boolean;
  /** the source's last error, if any */
  error: string | null;
}

export interface Headline {
  level: HeadlineLevel;
  /** what the data says, stale or not: under STALE, the band shows it as "last known" */
  lastKnown: KnownLevel;
  /** why lastKnown is not OK, most urgent first ("2 critical alerts firing", "no consensus leader") */
  reasons: string[];
  /** the SLO in the worst state (critical, then warning, then ok, then no data); null without SLO data */
  worstSlo: { slo: SloValue; breaching: number; total: number; stale: boolean } | null;
  /** alerts firing (not silenced), by severity: critical counts critical and high; null without alert data */
  firing: { critical: number; warning: number; stale: boolean } | null;
  /** consensus leader by member name (null name: no leader); null without consensus data */
  leader: { name: string | null; term: number | null; hasQuorum: boolean; unhealthy: number; members: number; stale: boolean } | null;
  /** failing pods (CrashLoopBackOff, Error, OOMKilled, Unknown...); null without Kubernetes data */
  pods: { failing: number; total: number; stale: boolean } | null;
  /** the oldest age over the configured headline sources; null when none is configured */
  dataAgeMs: number | null;
  /** configured sources older than staleAfterMs, oldest first */
  staleSources: SourceFreshness[];
  /** the time the headline is for (the band prints it as a UTC clock) */
  now: number;
}

/** A backend the config leaves out: no data, no error, not loading, never updated. */
const unconfigured = (s: SourceState<unknown>): boolean => s.data === null && s.error === null && !s.loading && s.updatedAt === null;

/** How fresh one source is; null when it is not configured (nothing to vouch for). */
export function freshnessOf(state: AppState, key: SourceKey, now: number): SourceFreshness | null {
  const s = state[key] as SourceState<unknown>;
  if (unconfigured(s)) return null;
  // A live pod watch is fresh by definition: a quiet cluster sends no events, so updatedAt can be old
  // while the watch would tell us of any change at once (the Pods pane says "watching (live)" for this).
  if (key === 'kube' && state.kube.data?.watch === 'live' && s.error === null) return { key, ageMs: 0, waiting: false, error: null };
  if (s.updatedAt !== null) return { key, ageMs: Math.max(0, now - s.updatedAt), waiting: false, error: s.error };
  return { key, ageMs: Math.max(0, now - state.meta.startedAt), waiting: true, error: s.error };
}

const STATUS_RANK: Record<SloValue['status'], number> = { critical: 0, warning: 1, ok: 2, unknown: 3 };

/** Worst status first; among equals the fastest burn, then the least budget left. */
function worstOf(slos: readonly SloValue[]): SloValue | null {
  let worst: SloValue | null = null;
  for (const s of slos) {
    if (worst === null || compareSlo(s, worst) < 0) worst = s;
  }
  return worst;
}

function compareSlo(a: SloValue, b: SloValue): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (b.burnRate ?? -Infinity) - (a.burnRate ?? -Infinity) ||
    (a.budgetRemaining ?? Infinity) - (b.budgetRemaining ?? Infinity)
  );
}

function firingOf(state: AppState): { critical: number; warning: number } | null {
  const groups = state.alerts.data?.groups;
  if (!groups) return null;
  let critical = 0;
  let warning = 0;
  // every alert, not the Alerts pane's filtered list: the headline speaks for the whole system
  for (const a of groups.flatMap((g) => g.alerts)) {
    if (a.silencedBy.length > 0) continue;
    const rank = severityRank(a.severity);
    if (rank <= severityRank('high')) critical++;
    else if (rank === severityRank('warning')) warning++;
  }
  return { critical, warning };
}

function leaderOf(state: AppState): Omit<NonNullable<Headline['leader']>, 'stale'> | null {
  const d = state.consensus.data;
  if (!d) return null;
  const member = d.leaderId === null ? undefined : d.members.find((m) => m.id === d.leaderId);
  return {
    name: d.leaderId === null ? null : member?.name || d.leaderId,
    term: d.term,
    hasQuorum: d.hasQuorum,
    unhealthy: d.members.filter((m) => !m.healthy).length,
    members: d.members.length,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What the data says, with the reasons for it: critical ones first, then warnings. */
function judge(h: Pick<Headline, 'worstSlo' | 'firing' | 'leader' | 'pods'>): { level: KnownLevel; reasons: string[] } {
  const critical: string[] = [];
  const warning: string[] = [];
  if (h.firing?.critical) critical.push(`${plural(h.firing.critical, 'critical alert')} firing`);
  if (h.worstSlo?.slo.status === 'critical') critical.push(`SLO ${h.worstSlo.slo.name} critical`);
  if (h.leader && h.leader.name === null) critical.push('no consensus leader');
  if (h.leader && !h.leader.hasQuorum) critical.push('consensus quorum lost');
  if (h.firing?.warning) warning.push(`${plural(h.firing.warning, 'warning alert')} firing`);
  if (h.worstSlo?.slo.status === 'warning') warning.push(`SLO ${h.worstSlo.slo.name} warning`);
  if (h.pods?.failing) warning.push(`${plural(h.pods.failing, 'pod')} failing`);
  if (h.leader?.unhealthy && h.leader.hasQuorum) warning.push(`${plural(h.leader.unhealthy, 'consensus member')} unhealthy`);
  const level: KnownLevel = critical.length ? 'CRITICAL' : warning.length ? 'DEGRADED' : 'OK';
  return { level, reasons: [...critical, ...warning] };
}

/**
 * The headline for `state` at `now`. A source is stale when its data (or its wait for a first answer) is
 * older than `staleAfterMs`; an error alone does not make it stale while its last data is recent, since the
 * poller keeps the last good data and retries on its interval.
 */
export function headlineOf(state: AppState, now: number, staleAfterMs: number): Headline {
  const fresh = HEADLINE_SOURCES.map((k) => freshnessOf(state, k, now)).filter((f): f is SourceFreshness => f !== null);
  // a source that has not answered yet vouches for nothing: the wall never says OK on data it lacks
  const staleSources = fresh.filter((f) => f.waiting || f.ageMs > staleAfterMs).sort((a, b) => b.ageMs - a.ageMs);
  const isStale = (key: SourceKey) => staleSources.some((f) => f.key === key);
  const slos = state.slos.data;
  const worst = slos ? worstOf(slos) : null;
  const firing = firingOf(state);
  const leader = leaderOf(state);
  const pods = state.kube.data?.pods;
  const facts = {
    worstSlo:
      slos && worst
        ? { slo: worst, breaching: slos.filter((s) => s.status === 'critical' || s.status === 'warning').length, total: slos.length, stale: isStale('slos') }
        : null,
    firing: firing && { ...firing, stale: isStale('alerts') },
    leader: leader && { ...leader, stale: isStale('consensus') },
    pods: pods ? { failing: pods.filter(isPodProblem).length, total: pods.length, stale: isStale('kube') } : null,
  };
  const { level, reasons } = judge(facts);
  return {
    level: staleSources.length ? 'STALE' : level,
    lastKnown: level,
    reasons,
    ...facts,
    dataAgeMs: fresh.length ? Math.max(...fresh.map((f) => f.ageMs)) : null,
    staleSources,
    now,
  };
}
