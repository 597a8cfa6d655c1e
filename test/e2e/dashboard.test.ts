// The live console in a real pseudo-terminal, for what only a terminal shows: Ink rendering live despite
// CI=true, the frame's size against the terminal's, focus moving on screen, keys arriving in one burst.
// What the keys do to the state (sorting, filters, log follow) is tested in test/runtime and test/views.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { keysLabel } from '../../views/keyLabels.js';
import { KEYS, runInPty, type Screen } from '../helpers/pty.js';

const TITLES = ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs'];
let screen: Screen | null = null;

afterEach(() => {
  screen?.kill();
  screen = null;
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** the focused pane's top border is heavy (┏━), every other pane's light (┌─) or a summary line */
const focusedTitles = (t: string) => [...t.matchAll(/┏━ (\w+)/g)].map((m) => m[1]);
/** the status bar, the frame's last row: drawn last, so a screen that has it is a whole frame */
const statusBar = (t: string, rows: number) => t.split('\n')[rows - 2] ?? '';

describe('hive-oncall demo in a terminal', () => {
  it('renders six live panes at 120x40 with CI=true, one row short of the terminal, and exits 0 on q', async () => {
    // CI=true on purpose: Ink would refuse to render live; the product must still do so in a TTY.
    screen = runInPty(['demo', '--seed', '7'], { cols: 120, rows: 40, env: { CI: 'true' } });
    const text = await screen.waitFor((t) => TITLES.every((title) => t.includes(title)) && t.includes('hive-mind-rust') && /q quit/.test(statusBar(t, 40)), 30000);
    expect(text).toMatch(/claude-tui/);
    expect(focusedTitles(text)).toEqual(['Pods']);
    for (const title of TITLES.slice(1)) expect(text).toContain(`┌─ ${title}`);
    const lines = (await screen.waitFor((t) => /updated \d+s ago/.test(t) && /DEMO .*q quit/.test(statusBar(t, 40)))).split('\n');
    expect(lines).toHaveLength(40);
    // The frame stays one row shorter than the terminal so Ink never has to clear the whole screen.
    expect(lines[38]).toMatch(/DEMO .*q quit/);
    expect(lines[39]!.trim()).toBe('');
    screen.press('q');
    expect(await screen.exited()).toBe(0);
  });

  it('at 80x24 Tab and Shift-Tab move which pane is expanded', async () => {
    screen = runInPty(['demo', '--seed', '2'], { cols: 80, rows: 24 });
    const text = await screen.waitFor((t) => TITLES.every((title) => t.includes(title)) && t.includes('hive-mind') && /focus Pods/.test(statusBar(t, 24)), 30000);
    expect(text.split('\n')).toHaveLength(24);
    // compact layout: the focused pane large, every other pane one numbered summary line
    expect(focusedTitles(text)).toEqual(['Pods']);
    expect(text).toMatch(/^ 3 Alerts /m);
    screen.press(KEYS.tab);
    screen.press(KEYS.tab);
    const alerts = await screen.waitFor((t) => focusedTitles(t).join() === 'Alerts' && /focus Alerts/.test(statusBar(t, 24)));
    expect(alerts).toMatch(/^ 1 Pods /m);
    expect(alerts).not.toMatch(/^ 3 Alerts /m);
    expect(alerts).toMatch(/focus Alerts/);
    screen.press(KEYS.shiftTab);
    await screen.waitFor((t) => focusedTitles(t).join() === 'SLOs' && /focus SLOs/.test(statusBar(t, 24)));
  });

  it('takes keys typed in one burst: /postgres and Enter filter, ? shows the keymap as help, Esc closes it', async () => {
    screen = runInPty(['demo', '--seed', '1'], { cols: 120, rows: 40 });
    await screen.waitFor((t) => t.includes('postgresql') && /claude-tui-\S+\s+1\/1/.test(t), 30000);
    // one write, as tmux or a slow SSH link delivers pasted or fast typing
    screen.press(`/postgres${KEYS.enter}?`);
    // every binding of the keymap, with its key: waited for as a whole, since the help is drawn over the
    // dashboard row by row and its first row says nothing about the last
    const bindings = DEFAULT_KEYMAP.filter((k) => k.keys.length > 0).map((b) => ({ id: b.id, re: new RegExp(`${escape(keysLabel(b))}\\s+${escape(b.description)}`) }));
    const missing = (t: string) => bindings.filter((b) => !b.re.test(t)).map((b) => b.id);
    const help = await screen.waitFor((t) => t.includes('┏━ Help') && missing(t).length === 0).catch((err: Error) => {
      throw new Error(`help lacks ${missing(screen!.text()).join(', ')}: ${err.message}`);
    });
    expect(missing(help)).toEqual([]);
    screen.press(KEYS.esc);
    const filtered = await screen.waitFor((t) => !t.includes('┏━ Help') && t.includes('Consensus'));
    expect(filtered).toMatch(/Pods ━ \/postgres 1\/\d+ pods/);
    const podRows = filtered.split('\n').filter((l) => /^┃\S+-[a-z0-9]{5}\s+\d\/\d/.test(l));
    expect(podRows.length).toBe(1);
    expect(podRows[0]).toMatch(/^┃postgresql-/);
  });
});
