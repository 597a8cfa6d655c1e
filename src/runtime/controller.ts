// Owns the AppState: starts the sources, folds their updates and the user's intents into the store, keeps
// the clock ticking, decides which pods the Logs pane follows, and drives remediation actions (see
// ./action-flow.ts) through the executor.
import type { ActionExecutor } from '../state/actions.js';
import type { HiveConfig } from '../config/config.js';
import { packageVersion } from '../app/version.js';
import { notConfigured } from '../sources/poller.js';
import { sameTarget } from '../state/log-target.js';
import type { Intent } from '../state/intents.js';
import { initialSourceState, type AppState, type LogTarget, type LogsData, type PodInfo, type SourceState } from '../state/types.js';
import { emptyAppState, reduceIntent } from './reduce.js';
import { isPodProblem, selectedPod, visiblePods } from './selectors.js';
import { buildSources, type BuildSources, type SourceSet } from './sources.js';
import { createStore, type Store } from './store.js';
import { createActionFlow, type ActionFlow } from './action-flow.js';
import { isModalIntent } from './modal.js';

export interface ControllerOptions {
  mode: 'demo' | 'live';
  scenario: string | null;
  now?: () => number;
  onQuit?: () => void;
  /** replaces the real sources (tests) */
  buildSources?: BuildSources;
  /** ms between clock updates (default 1000) */
  tickMs?: number;
  /** runs remediation actions; without one, action keys say that actions are unavailable */
  executor?: ActionExecutor;
  /** --read-only; default config.readOnly. Every action key then explains that the session is read-only */
  readOnly?: boolean;
  /** quiet time after a selection change before its permissions are checked (default 250 ms) */
  permissionDebounceMs?: number;
}

export interface Controller {
  store: Store;
  start(): void;
  stop(): void;
  /** Resolves true once every pane has finished its first attempt, false if `timeoutMs` passes first. */
  waitForFirstData(timeoutMs: number): Promise<boolean>;
  onQuit: (() => void) | null;
}

const FLASH_MS = 3000;

/** The Deployment (or, failing that, the pod) a pod's logs are best followed through. */
export function targetFor(pod: PodInfo): LogTarget {
  return pod.ownerKind === 'Deployment' && pod.owner
    ? { kind: 'deployment', namespace: pod.namespace, name: pod.owner }
    : { kind: 'pod', namespace: pod.namespace, name: pod.name };
}

/**
 * Without a user choice, follow the first problem pod's Deployment (else the first pod's). Sticky: a target
 * that still has problem pods is kept, so a crash-looping pod flickering to Running does not flip the stream.
 */
export function autoTarget(pods: PodInfo[], current: LogTarget | null, noisiestJob: string | null = null): LogTarget | null {
  const problems = pods.filter(isPodProblem);
  const covers = (t: LogTarget, p: PodInfo) =>
    p.namespace === t.namespace && (t.kind === 'pod' ? p.name === t.name : p.owner === t.name && p.ownerKind === 'Deployment');
  if (current && problems.some((p) => covers(current, p))) return current;
  if (problems[0]) return targetFor(problems[0]);
  // No pod is failing: the workload logging the most errors (Loki) is where the incident shows.
  const noisy = noisiestJob ? pods.find((p) => p.owner === noisiestJob || p.labels.app === noisiestJob) : undefined;
  if (noisy) return targetFor(noisy);
  if (current && pods.some((p) => covers(current, p))) return current;
  return pods[0] ? targetFor(pods[0]) : null;
}

export function createController(config: HiveConfig, opts: ControllerOptions): Controller {
  const now = opts.now ?? Date.now;
  let flashAt = 0;
  let userChoseTarget = false;
  let latestLogs: SourceState<LogsData> = initialSourceState();
  let ticker: NodeJS.Timeout | null = null;
  let sources: SourceSet | null = null;
  let started = false;

  const controller: Controller = {
    store: null as unknown as Store,
    start,
    stop,
    waitForFirstData,
    onQuit: opts.onQuit ?? null,
  };

  const store = createStore(placeholderState(), { onIntent: (intent) => dispatch(intent) });
  controller.store = store;
  const actions: ActionFlow = createActionFlow(store, {
    executor: opts.executor ?? null,
    onFlash: () => {
      flashAt = now();
    },
    debounceMs: opts.permissionDebounceMs ?? 250,
  });

  sources = (opts.buildSources ?? buildSources)(config, {
    kube: (s) => {
      store.update((st) => ({ ...st, kube: s }));
      autoRetarget();
      actions.selectionMayHaveChanged();
    },
    slos: (s) => store.update((st) => ({ ...st, slos: s })),
    latency: (s) => store.update((st) => ({ ...st, latency: s })),
    alerts: (s) => {
      store.update((st) => ({ ...st, alerts: s }));
      actions.selectionMayHaveChanged();
    },
    consensus: (s) => {
      store.update((st) => ({ ...st, consensus: s }));
      actions.selectionMayHaveChanged();
    },
    logErrors: (s) => {
      store.update((st) => ({ ...st, logErrors: s }));
      autoRetarget();
    },
    logs: (s) => {
      latestLogs = s;
      store.update((st) => ({ ...st, logs: shownLogs(st) }));
    },
  });
  store.update((st) => initialState(st));

  function autoRetarget(): void {
    if (userChoseTarget) return;
    const st = store.getState();
    retarget(autoTarget(visiblePodsOf(st), sources?.logs?.getTarget() ?? null, st.logErrors.data?.byJob[0]?.job ?? null));
  }

  function placeholderState(): AppState {
    const t = now();
    const meta = { mode: opts.mode, context: '', namespace: config.kubernetes.namespace, scenario: opts.scenario, startedAt: t, version: packageVersion() };
    const base = emptyAppState(meta, t);
    return { ...base, actions: { ...base.actions, readOnly: opts.readOnly ?? config.readOnly ?? false, journal: opts.executor?.entries() ?? [] } };
  }

  function initialState(st: AppState): AppState {
    const s = sources!;
    const kubeState = s.kubeProblem
      ? { data: null, error: s.kubeProblem, updatedAt: null, loading: false }
      : initialSourceState<never>();
    if (!s.logs) latestLogs = notConfigured('logs');
    else latestLogs = { data: { target: null, lines: [], capacity: config.logs.capacity, dropped: 0, stream: 'idle' }, error: null, updatedAt: null, loading: false };
    return {
      ...st,
      meta: { ...st.meta, context: s.context },
      kube: kubeState,
      slos: s.slos ? initialSourceState() : notConfigured('prometheus'),
      latency: s.latency ? initialSourceState() : notConfigured('prometheus'),
      alerts: s.alerts ? initialSourceState() : notConfigured('alertmanager'),
      consensus: s.consensus ? initialSourceState() : notConfigured('consensus'),
      logErrors: s.logErrors ? initialSourceState() : notConfigured('loki'),
      logs: latestLogs,
    };
  }

  /** While paused the pane keeps its lines; stream health and errors still come through. */
  function shownLogs(st: AppState): SourceState<LogsData> {
    if (!st.ui.logsPaused || !st.logs.data || !latestLogs.data) return latestLogs;
    return { ...latestLogs, data: { ...latestLogs.data, lines: st.logs.data.lines } };
  }

  function visiblePodsOf(st: AppState): PodInfo[] {
    // the auto target ignores the user's filter: it is about the cluster, not the view
    return visiblePods({ ...st, ui: { ...st.ui, filter: { ...st.ui.filter, pods: '' } } });
  }

  function retarget(target: LogTarget | null) {
    const logs = sources?.logs;
    if (!logs || sameTarget(logs.getTarget(), target)) return;
    logs.setTarget(target);
  }

  function flash(st: AppState, text: string): AppState {
    flashAt = now();
    return { ...st, ui: { ...st.ui, flash: text } };
  }

  function dispatch(intent: Intent) {
    const before = store.getState();
    if (intent.type === 'action-open' || isModalIntent(intent)) {
      // the modal's side effects (plan, submit, journal) belong to the action flow
      actions.handle(intent);
      return;
    }
    // An open modal owns the keyboard: nothing underneath moves (quit still quits).
    if (before.ui.modal && intent.type !== 'quit') return;
    let next = reduceIntent(before, intent);
    if (next.ui.flash !== before.ui.flash && next.ui.flash) flashAt = now();
    switch (intent.type) {
      case 'quit':
        store.updateNow(() => next);
        controller.onQuit?.();
        return;
      case 'select-next':
      case 'select-prev':
      case 'select-first':
      case 'select-last':
      case 'page-down':
      case 'page-up':
        if (next.ui.focus === 'pods') {
          const pod = selectedPod(next);
          if (pod) {
            userChoseTarget = true;
            retarget({ kind: 'pod', namespace: pod.namespace, name: pod.name });
          }
        }
        break;
      case 'logs-follow-selected': {
        const pod = selectedPod(next);
        if (pod) {
          userChoseTarget = true;
          const target = targetFor(pod);
          retarget(target);
          next = flash(next, `following ${target.kind} ${target.namespace}/${target.name}`);
        } else {
          userChoseTarget = false;
          retarget(autoTarget(visiblePodsOf(next), null));
          next = flash(next, 'following the first problem pod');
        }
        break;
      }
      case 'logs-clear':
        sources?.logs?.clear();
        // the clear above published an empty buffer; a paused pane empties too
        next = { ...next, logs: latestLogs };
        next = flash(next, 'logs cleared');
        break;
      case 'logs-pause-toggle':
        if (!next.ui.logsPaused) next = { ...next, logs: latestLogs };
        break;
      default:
        break;
    }
    // the logs source may have published while retargeting: keep what it said
    const current = store.getState();
    if (current.logs !== before.logs && next.logs === before.logs) next = { ...next, logs: shownLogs(next) };
    store.updateNow(() => next);
    if (next.ui.focus !== before.ui.focus || next.ui.selection !== before.ui.selection || next.ui.filter !== before.ui.filter) {
      actions.selectionMayHaveChanged();
    }
  }

  function tick() {
    store.update((st) => {
      const t = now();
      const expired = st.ui.flash !== null && t - flashAt >= FLASH_MS;
      return { ...st, now: t, ui: expired ? { ...st.ui, flash: null } : st.ui };
    });
  }

  function start() {
    if (started) return;
    started = true;
    for (const s of [sources?.kube, sources?.slos, sources?.latency, sources?.alerts, sources?.consensus, sources?.logs, sources?.logErrors]) s?.start();
    ticker = setInterval(tick, opts.tickMs ?? 1000);
  }

  function stop() {
    started = false;
    if (ticker) clearInterval(ticker);
    ticker = null;
    actions.stop();
    for (const s of [sources?.kube, sources?.slos, sources?.latency, sources?.alerts, sources?.consensus, sources?.logs, sources?.logErrors]) s?.stop();
    store.flush();
  }

  function firstDataDone(st: AppState): boolean {
    return [st.kube, st.slos, st.latency, st.alerts, st.consensus, st.logs, st.logErrors].every((s) => !s.loading);
  }

  function waitForFirstData(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      let poll: NodeJS.Timeout | null = null;
      let unsubscribe = () => {};
      const finish = (ok: boolean) => {
        if (timer) clearTimeout(timer);
        if (poll) clearInterval(poll);
        unsubscribe();
        resolve(ok);
      };
      const check = () => {
        if (firstDataDone(store.getState())) finish(true);
      };
      unsubscribe = store.subscribe(check);
      // the store coalesces notifications; also look directly now and then
      poll = setInterval(check, 50);
      timer = setTimeout(() => finish(false), timeoutMs);
      check();
    });
  }

  return controller;
}
