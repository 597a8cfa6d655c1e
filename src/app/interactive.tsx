// The live full-screen console. The frame is drawn at once, every pane with its spinner, from a store
// that holds no data yet; the session (simulator, config, sources) boots behind it and takes over the
// screen when ready. It ends on `q`, a signal (SIGINT, SIGTERM, SIGHUP when SSH drops) or a crash, and
// every end hands the terminal back as it was found: the alternate screen left, the cursor shown.
import type { Keymap } from '../../keymaps/types.js';
import type { Controller } from '../runtime/controller.js';
import { createStore, type Store } from '../runtime/store.js';
import { emptyAppState, reduceIntent } from '../runtime/reduce.js';
import { setLowBandwidth } from '../runtime/low-bandwidth.js';
import type { AppMeta } from '../state/types.js';
import { forgetCiWhenInteractive } from './ci-env.js';
import type { Display } from './display.js';
import { enterAlternateScreen, terminalOutput } from './terminal.js';

export interface Session {
  controller: Controller;
  cleanup: () => Promise<void>;
  keymap?: Keymap;
}

export interface InteractiveOptions {
  display: Display;
  /** what the first frame says while the session boots */
  meta: Pick<AppMeta, 'mode' | 'scenario' | 'version'>;
  boot: () => Promise<Session>;
  /** false when stdin is not a terminal (a wall screen started without one): keys are not read */
  keyboard: boolean;
}

/** Ink's options: frames rate-capped by the store, so Ink's own cap only spaces key echoes (< 30 ms). */
function inkOptions(display: Display, stdout: NodeJS.WriteStream) {
  if (display.inkStandard) return { stdout, exitOnCtrlC: false, patchConsole: true };
  // whole frames (standard rendering) for the diff writer; console output would land inside them, so a
  // library's console.log is silenced for the session instead (see muteConsole)
  return { stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 50 };
}

/** A library writing to the console would scribble over a full-screen frame; until the session ends, it says nothing. */
function muteConsole(): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const quiet = () => {};
  Object.assign(console, { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet });
  return () => Object.assign(console, saved);
}

/**
 * The store behind the first frame: keys typed while the session boots move focus, open help, toggle
 * low-bandwidth mode (the pure reducer's intents) and are handed over with the UI state; actions wait.
 */
function bootStore(opts: InteractiveOptions, onQuit: () => void) {
  const t = Date.now();
  const meta: AppMeta = { ...opts.meta, context: '', namespace: null, startedAt: t, ...(opts.display.wall ? { wall: opts.display.wall } : {}) };
  const initial = setLowBandwidth(emptyAppState(meta, t), opts.display.lowBandwidth, false);
  const store: Store = createStore(initial, {
    onIntent: (intent) => {
      if (intent.type === 'quit') return onQuit();
      store.updateNow((st) => reduceIntent({ ...st, now: Date.now() }, intent));
    },
  });
  return store;
}

/** What the user did to the UI while booting, carried into the session's store. */
function handOver(boot: Store, session: Controller): void {
  const { focus, selection, filter, filterEditing, helpOpen, helpPage, lowBandwidth } = boot.getState().ui;
  if (lowBandwidth !== session.store.getState().ui.lowBandwidth) session.store.dispatch({ type: 'low-bandwidth-toggle' });
  session.store.update((st) => ({ ...st, ui: { ...st.ui, focus, selection, filter, filterEditing, helpOpen, helpPage } }));
}

export async function runInteractive(opts: InteractiveOptions): Promise<number> {
  forgetCiWhenInteractive();
  // dynamic: ink reads the CI variables when it is first loaded
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../../views/App.js')]);
  const screen = enterAlternateScreen(process.stdout);
  let session: Session | null = null;
  const unmute = opts.display.inkStandard ? () => {} : muteConsole();
  const output = terminalOutput(process.stdout, {
    ascii: opts.display.ascii,
    mode: opts.display.inkStandard ? 'ink-standard' : 'diff',
    onBehindChange: (behind) => session?.controller.setTerminalBehind(behind),
  });

  return new Promise<number>((resolve, reject) => {
    let done = false;
    const shutdown = async (code: number, failure?: unknown) => {
      if (done) return;
      done = true;
      for (const [event, handler] of handlers) process.off(event, handler);
      try {
        instance.unmount();
      } catch {
        // already unmounted
      }
      session?.controller.stop();
      screen.restore();
      unmute();
      try {
        await session?.cleanup();
      } catch {
        // the process is ending; a simulator that will not stop is not worth an error
      }
      if (failure === undefined) resolve(code);
      else reject(failure instanceof Error ? failure : new Error(String(failure)));
    };
    const onSignal = () => void shutdown(0);
    const onCrash = (err: unknown) => void shutdown(1, err);
    const handlers: [NodeJS.Signals | 'uncaughtException' | 'unhandledRejection', (arg?: unknown) => void][] = [
      ['SIGINT', onSignal],
      ['SIGTERM', onSignal],
      ['SIGHUP', onSignal],
      ['uncaughtException', onCrash],
      ['unhandledRejection', onCrash],
    ];
    for (const [event, handler] of handlers) process.on(event, handler);

    const boot = bootStore(opts, () => void shutdown(0));
    const instance = render(<App store={boot} interactive={opts.keyboard} />, inkOptions(opts.display, output.stream));
    instance.waitUntilExit().then(
      () => void shutdown(0),
      (err: unknown) => void shutdown(1, err),
    );

    opts.boot().then(
      (s) => {
        session = s;
        if (done) return void s.cleanup().catch(() => {});
        s.controller.onQuit = () => void shutdown(0);
        handOver(boot, s.controller);
        s.controller.start();
        instance.rerender(<App store={s.controller.store} keymap={s.keymap} interactive={opts.keyboard} />);
        boot.dispose();
      },
      (err: unknown) => void shutdown(2, err),
    );
  });
}
