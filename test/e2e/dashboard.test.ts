// The interactive dashboard in a real pseudo-terminal: what an on-call engineer sees and types.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, runInPty, type Screen } from '../helpers/pty.js';

const TITLES = ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs'];
let screen: Screen | null = null;

afterEach(() => {
  screen?.kill();
  screen = null;
});

describe('hive-oncall demo in a terminal', () => {
  it('shows all six panes with live data at 120x40 and quits cleanly on q', async () => {
    screen = runInPty(['demo', '--seed', '7'], { cols: 120, rows: 40, env: { CI: 'true' } });
    // CI=true is set on purpose: the product must still render live in a TTY.
    const text = await screen.waitFor((t) => TITLES.every((title) => t.includes(title)) && t.includes('hive-mind-rust'), 30000);
    expect(text).toMatch(/claude-tui/);
    await screen.waitFor(/updated \d+s ago/);
    const lines = screen.lines();
    expect(lines.length).toBe(40);
    // The frame stays one row shorter than the terminal so Ink never has to clear the whole screen.
    expect(lines[39]!.trim()).toBe('');
    screen.press('q');
    expect(await screen.exited()).toBe(0);
  });

  it('puts crash-looping pods first and follows the selected pod in Logs', async () => {
    screen = runInPty(['demo', '--scenario', 'crashloop', '--seed', '3'], { cols: 120, rows: 40 });
    const text = await screen.waitFor('CrashLoopBackOff', 30000);
    const podLines = text.split('\n').filter((l) => /hive-mind-coor|claude-tui|hive-mind-rust|postgresql-/.test(l));
    expect(podLines[0]).toMatch(/hive-mind-coor/);
    await screen.waitFor(/Logs.*hive-mind-coordinator/);
  });

  it('filters pods with / and shows help generated from the keymap with ?', async () => {
    screen = runInPty(['demo', '--seed', '1'], { cols: 120, rows: 40 });
    await screen.waitFor('postgresql', 30000);
    screen.press('1');
    screen.press('/');
    screen.press('postgres');
    screen.press(KEYS.enter);
    const filtered = await screen.waitFor((t) => t.includes('postgresql') && !/claude-tui-[a-z0-9]+-[a-z0-9]{5}/.test(t));
    expect(filtered).toMatch(/postgres/);
    screen.press('?');
    const help = await screen.waitFor('Focus next pane');
    expect(help).toMatch(/Quit/);
    expect(help).toMatch(/Filter pods/);
    screen.press(KEYS.esc);
    await screen.waitFor((t) => !t.includes('Focus next pane') && t.includes('Consensus'));
  });

  it('is readable at 80x24', async () => {
    screen = runInPty(['demo', '--seed', '2'], { cols: 80, rows: 24 });
    const text = await screen.waitFor((t) => TITLES.every((title) => t.includes(title)) && t.includes('hive-mind'), 30000);
    expect(text.split('\n').length).toBe(24);
    screen.press(KEYS.tab);
    screen.press(KEYS.tab);
    await screen.waitFor('Alerts');
  });

  it('uses the room on a 200x60 wall screen', async () => {
    screen = runInPty(['demo', '--seed', '2'], { cols: 200, rows: 60 });
    const text = await screen.waitFor((t) => TITLES.every((title) => t.includes(title)) && t.includes('hive-mind'), 30000);
    const used = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(used).toBeGreaterThan(50);
  });
});
