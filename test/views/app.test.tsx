import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render as inkRender } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../views/App.js';
import type { Intent, StateStore } from '../../src/state/intents.js';
import type { AppState } from '../../src/state/types.js';
import { plainText } from '../../src/text/index.js';
import { hiveState, withUi } from './fixtures.js';
import { lines, widest } from './helpers.js';

/** A store that records intents and lets the test swap the state. */
function recordingStore(initial: AppState) {
  let state = initial;
  const listeners = new Set<() => void>();
  const sent: Intent[] = [];
  const store: StateStore = {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispatch: (i) => sent.push(i),
  };
  const set = (next: AppState) => {
    state = next;
    for (const l of listeners) l();
  };
  return { store, sent, set };
}

/** Resolves once Ink listens to stdin (useInput subscribes in an effect after mount). */
const listening = (stdin: EventEmitter) => vi.waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));

afterEach(() => cleanup());

/** A terminal of a given size that keeps the last full frame Ink wrote. */
class FakeStdout extends EventEmitter {
  isTTY = true;
  last = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string) => {
    if (plainText(s).trim()) this.last = s;
    return true;
  };
}

describe('App', () => {
  it('turns key presses into intents through the keymap', async () => {
    const { store, sent } = recordingStore(hiveState());
    const { stdin } = render(<App store={store} />);
    await listening(stdin);
    stdin.write('\t');
    stdin.write('j');
    stdin.write('/');
    stdin.write('?');
    stdin.write('q');
    await vi.waitFor(() =>
      expect(sent).toEqual([
        { type: 'focus-next' },
        { type: 'select-next' },
        { type: 'filter-start' },
        { type: 'help-toggle' },
        { type: 'quit' },
      ]),
    );
  });

  it('sends filter-input for typed characters while the filter is being edited', async () => {
    const { store, sent } = recordingStore(withUi({ filterEditing: true }));
    const { stdin } = render(<App store={store} />);
    await listening(stdin);
    stdin.write('q');
    stdin.write('\r');
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'filter-input', text: 'q' }, { type: 'filter-commit' }]));
  });

  it('re-renders when the store changes', async () => {
    const { store, set } = recordingStore(hiveState());
    const { lastFrame } = render(<App store={store} />);
    expect(lastFrame()).not.toContain('Move selection down');
    set(withUi({ helpOpen: true }));
    await vi.waitFor(() => expect(lastFrame()).toContain('Move selection down'));
  });

  it('re-lays out on terminal resize', async () => {
    const stdout = new FakeStdout(120, 40);
    const { store } = recordingStore(hiveState());
    const instance = inkRender(<App store={store} interactive={false} />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      debug: true,
      patchConsole: false,
    });
    try {
      expect(widest(plainText(stdout.last))).toBe(120);
      stdout.columns = 80;
      stdout.rows = 24;
      stdout.emit('resize');
      await vi.waitFor(() => {
        const frame = plainText(stdout.last);
        expect(widest(frame)).toBeLessThanOrEqual(80);
        expect(lines(frame.replace(/\n$/, '')).length).toBeLessThanOrEqual(23);
      });
    } finally {
      instance.unmount();
      instance.cleanup();
    }
  });
});

describe('App focus changes', () => {
  it('keeps a pane intact when it loses focus (no stray border line)', async () => {
    const stdout = new FakeStdout(120, 40);
    const { store, set } = recordingStore(hiveState());
    const instance = inkRender(<App store={store} interactive={false} />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      debug: true,
      patchConsole: false,
    });
    try {
      set(withUi({ focus: 'logs' }));
      await vi.waitFor(() => expect(plainText(stdout.last)).toMatch(/━ Logs ━/));
      const rows = plainText(stdout.last).split('\n');
      const pods = rows.findIndex((l) => l.includes('─ Pods ─'));
      // only the Pods half of the line: the SLOs pane beside it has its own status line
      expect(rows[pods + 1]!.slice(0, 40)).toMatch(/watching \(live\)/);
    } finally {
      instance.unmount();
      instance.cleanup();
    }
  });
});
