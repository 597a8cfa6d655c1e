// Wiring: the store, the sources (publishing into it), the clock, and where each intent goes: the pure
// reducer (./reduce.ts), the log-follow policy (./log-follow.ts), the action flow (./action-flow.ts). The
// rules live in those modules; this one only connects them and runs their effects.
import type { ActionExecutor } from '../state/actions.js';
import type { HiveConfig } from '../config/config.js';
import type { Intent } from '../state/intents.js';
import { sameTarget } from '../state/log-target.js';
import { SOURCE_KEYS, type AppState, type LogTarget, type SourceKey, type WallSettings } from '../state/types.js';
import { createActionFlow } from './action-flow.js';
import { showFlash, tickTo } from './flash.js';
import { followForData, followForIntent } from './log-follow.js';
import { fillFrozenLogs, frameIntervalMs, IDLE_AFTER_MS, setLowBandwidth } from './low-bandwidth.js';
import { isModalIntent } from './modal.js';
import { createPermissionWatch } from './permission-watch.js';
import { emptyAppState, keyboardTaken, reduceIntent } from './reduce.js';
import { buildSources, type BuildSources, type Sink } from './sources.js';
import { createStore, type Store } from './store.js';

export interface ControllerOptions {
  mode: 'demo' | 'live';
  scenario: string | null;
  /** the app's version, shown in the header and the JSON state */
  version: string;
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
  /** start in low-bandwidth mode (--low-bandwidth, config lowBandwidth) */
  lowBandwidth?: boolean;
  /** a wall screen (--wall): read-only whatever else says */
  wall?: WallSettings;
}

export interface Controller {
  store: Store;
  start(): void;
  stop(): void;
  /** Resolves true once every pane has finished its first attempt, false if `timeoutMs` passes first. */
  waitForFirstData(timeoutMs: number): Promise<boolean>;
  /** the terminal stopped (or resumed) taking output as fast as it is written */
  setTerminalBehind(behind: boolean): void;
  onQuit: (() => void) | null;
}

/** What else must happen when a source publishes: the Logs pane may follow elsewhere, hints re-check. */
const REACTIONS: Partial<Record<SourceKey, { follow?: true; permissions?: true }>> = {
  kube: { follow: true, permissions: true },
  logErrors: { follow: true },
  alerts: { permissions: true },
  consensus: { permissions: true },
};

function initialState(config: HiveConfig, opts: ControllerOptions, t: number): AppState {
  const meta = { mode: opts.mode, context: '', namespace: config.kubernetes.namespace, scenario: opts.scenario, startedAt: t, version: opts.version };
  const base = emptyAppState(opts.wall ? { ...meta, wall: opts.wall } : meta, t);
  const readOnly = opts.wall !== undefined || (opts.readOnly ?? config.readOnly ?? false);
  const state = { ...base, actions: { ...base.actions, readOnly, journal: opts.executor?.entries() ?? [] } };
  return setLowBandwidth(state, opts.lowBandwidth ?? false, false);
}

/** Resolves true once every source has finished its first attempt, false when `timeoutMs` passes first. */
function firstData(store: Store, timeoutMs: number): Promise<boolean> {
  const done = (st: AppState) => SOURCE_KEYS.every((key) => !st[key].loading);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const unsubscribe = store.subscribe(() => {
      if (done(store.getState())) finish(true);
    });
    if (done(store.getState())) finish(true);
  });
}

/** One sink function per source key, all publishing through `published`. */
const sinkOf = (published: <K extends SourceKey>(key: K, s: AppState[K]) => void): Sink =>
  Object.fromEntries(SOURCE_KEYS.map((key) => [key, (s: AppState[typeof key]) => published(key, s)])) as unknown as Sink;

const selectionMoved = (a: AppState, b: AppState): boolean =>
  a.ui.focus !== b.ui.focus || a.ui.selection !== b.ui.selection || a.ui.filter !== b.ui.filter;

export function createController(config: HiveConfig, opts: ControllerOptions): Controller {
  const now = opts.now ?? Date.now;
  let userChoseTarget = false;
  let ticker: NodeJS.Timeout | null = null;
  let started = false;

  const first = initialState(config, opts, now());
  const store = createStore(first, { onIntent: (intent) => dispatch(intent), minIntervalMs: frameIntervalMs(first) });
  // the pace of background frames follows the keyboard: fast while it is used, once a second when not
  let lastKeyAt = now();
  let idleTimer: NodeJS.Timeout | null = null;
  const pace = () => {
    const since = now() - lastKeyAt;
    store.setMinInterval(frameIntervalMs(store.getState(), since));
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = since < IDLE_AFTER_MS && started ? setTimeout(pace, IDLE_AFTER_MS - since + 10) : null;
    idleTimer?.unref();
  };
  const executor = opts.executor ?? null;
  const permissions = createPermissionWatch(store, executor, opts.permissionDebounceMs ?? 250);
  const actions = createActionFlow(store, executor, permissions);

  const set = (opts.buildSources ?? buildSources)(config, sinkOf(published));
  store.update((st) => {
    const initial = Object.fromEntries(SOURCE_KEYS.map((key) => [key, set.sources[key].initialState()]));
    return { ...st, ...initial, meta: { ...st.meta, context: set.context } };
  });

  function published<K extends SourceKey>(key: K, s: AppState[K]): void {
    // a no-op unless low-bandwidth mode waits for the Logs pane's first lines
    store.update((st) => fillFrozenLogs({ ...st, [key]: s }));
    const react = REACTIONS[key];
    if (react?.follow) retarget(followForData(store.getState(), userChoseTarget, set.logs?.getTarget() ?? null));
    if (react?.permissions) permissions.selectionMayHaveChanged();
  }

  function retarget(target: LogTarget | null | undefined): void {
    const logs = set.logs;
    if (target === undefined || !logs || sameTarget(logs.getTarget(), target)) return;
    logs.setTarget(target);
  }

  function dispatch(intent: Intent): void {
    // the state's clock is the one every flash and "ago" reads: bring it to the key's time
    store.updateNow((st) => ({ ...st, now: now() }));
    lastKeyAt = now();
    pace();
    if (intent.type === 'action-open' || isModalIntent(intent)) return actions.handle(intent);
    const before = store.getState();
    if (keyboardTaken(before, intent)) return;
    let next = reduceIntent(before, intent);
    const follow = followForIntent(next, intent);
    if (follow?.flash) next = showFlash(next, follow.flash);
    store.updateNow(() => next);
    // effects, after the state they follow from is in the store (the sources publish into it synchronously)
    if (follow) {
      userChoseTarget = follow.userChose;
      retarget(follow.target);
    }
    if (intent.type === 'logs-clear') set.logs?.clear();
    if (selectionMoved(before, next)) permissions.selectionMayHaveChanged();
    if (intent.type === 'quit') controller.onQuit?.();
    // after the intent: low-bandwidth mode may have changed with it
    pace();
  }

  const controller: Controller = {
    store,
    waitForFirstData: (timeoutMs) => firstData(store, timeoutMs),
    setTerminalBehind: (behind) => store.update((st) => (st.ui.terminalBehind === behind ? st : { ...st, ui: { ...st.ui, terminalBehind: behind } })),
    onQuit: opts.onQuit ?? null,
    start() {
      if (started) return;
      started = true;
      for (const key of SOURCE_KEYS) set.sources[key].start();
      pace();
      ticker = setInterval(() => store.update((st) => tickTo(st, now())), opts.tickMs ?? 1000);
    },
    stop() {
      started = false;
      if (ticker) clearInterval(ticker);
      ticker = null;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      actions.stop();
      permissions.stop();
      for (const key of SOURCE_KEYS) set.sources[key].stop();
      store.flush();
    },
  };
  return controller;
}
