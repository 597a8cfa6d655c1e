// One-line summaries of each pane, for the compact layout where only the focused pane is drawn in full.
import { errorHotspots } from './panes/errorHotspots.js';
import type { AppState, PaneId, SourceState } from '../src/state/types.js';
import { isPodProblem, visibleAlertGroups } from '../src/runtime/selectors.js';
import { podsSummary } from './panes/PodsPane.js';
import { slosSummary } from './panes/SlosPane.js';
import { alertsSummary } from './panes/AlertsPane.js';
import { latencySummary } from './panes/LatencyPane.js';
import { consensusSummary } from './panes/ConsensusPane.js';
import { streamLabel, targetLabel } from './panes/LogsPane.js';
import { filterLabel } from './panes/filterLabel.js';
import type { Tone } from './theme/glyphs.js';

export interface Summary {
  text: string;
  tone: Tone;
}

function sourceOf(state: AppState, pane: PaneId): SourceState<unknown> {
  switch (pane) {
    case 'pods':
      return state.kube;
    case 'slos':
      return state.slos;
    case 'alerts':
      return state.alerts;
    case 'latency':
      return state.latency;
    case 'consensus':
      return state.consensus;
    case 'logs':
      return state.logs;
  }
}

function dataSummary(state: AppState, pane: PaneId): Summary {
  switch (pane) {
    case 'pods': {
      const all = state.kube.data?.pods ?? [];
      const text = podsSummary(all, all.length, filterLabel(state, 'pods'));
      return { text, tone: all.some(isPodProblem) ? 'danger' : 'none' };
    }
    case 'slos': {
      const slos = state.slos.data ?? [];
      const tone: Tone = slos.some((s) => s.status === 'critical')
        ? 'danger'
        : slos.some((s) => s.status === 'warning')
          ? 'warning'
          : 'none';
      return { text: slosSummary(slos), tone };
    }
    case 'alerts': {
      const groups = visibleAlertGroups(state);
      const active = groups.some((g) => g.alerts.some((a) => a.silencedBy.length === 0));
      return { text: alertsSummary(groups), tone: active ? 'warning' : 'none' };
    }
    case 'latency': {
      const text = state.latency.data ? latencySummary(state.latency.data) : '';
      return { text, tone: text.includes('✖') ? 'danger' : 'none' };
    }
    case 'consensus': {
      const d = state.consensus.data;
      return d ? { text: consensusSummary(d), tone: d.hasQuorum ? 'none' : 'danger' } : { text: '', tone: 'none' };
    }
    case 'logs': {
      const d = state.logs.data;
      const paused = state.ui.logsFrozen !== null ? 'PAUSED · ' : '';
      const hotspots = errorHotspots(state, 2);
      return { text: `${paused}${d ? streamLabel(d.stream) : ''} · ${targetLabel(d)}${hotspots ? ` · ${hotspots}` : ` · ${d?.lines.length ?? 0} lines`}`, tone: 'none' };
    }
  }
}

/** What a pane would tell you in one line: its data, or why it has none. */
export function paneSummary(state: AppState, pane: PaneId): Summary {
  const src = sourceOf(state, pane);
  if (src.data === null) {
    if (src.error) return { text: `✖ ${src.error}`, tone: 'danger' };
    return { text: src.loading ? 'loading…' : 'not configured', tone: 'muted' };
  }
  const s = dataSummary(state, pane);
  return src.error ? { text: `✖ ${src.error} · ${s.text}`, tone: 'danger' } : s;
}
