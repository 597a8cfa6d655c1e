// Terminal manners of the shipped bin in a real pty: the user's screen comes back however the console
// ends, frames are synchronized, and --ascii, NO_COLOR and TERM=dumb are honoured byte for byte.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, ROOT, runInPty } from '../helpers/pty.js';

const USER_SCREEN = '\u001b[2J\u001b[Huser@host:~$ make deploy\r\nPREVIOUS SCREEN CONTENT\r\n';
const STATUS_BAR = /\? help\s+q quit/;
const run = promisify(execFile);

async function dashboard(extra: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const s = runInPty(['demo', '--scenario', 'calm', ...extra], { cols: 100, rows: 30, before: USER_SCREEN, env, nodeArgs });
  await s.waitFor(STATUS_BAR, 30_000);
  await s.waitFor((t) => !t.includes('PREVIOUS SCREEN'), 5000);
  return s;
}

describe('the terminal is handed back', () => {
  it.each([
    ['q', (s: Awaited<ReturnType<typeof dashboard>>) => s.press('q'), 0],
    ['SIGTERM', (s: Awaited<ReturnType<typeof dashboard>>) => s.pty.kill('SIGTERM'), 0],
    ['SIGHUP (the SSH link dropped)', (s: Awaited<ReturnType<typeof dashboard>>) => s.pty.kill('SIGHUP'), 0],
  ])('after %s: the previous screen is back, the cursor shown', async (_what, end, code) => {
    const s = await dashboard();
    end(s);
    expect(await s.exited()).toBe(code);
    await s.waitFor('PREVIOUS SCREEN CONTENT', 5000);
    const raw = s.raw();
    expect(raw).toContain('\u001b[?1049h');
    expect(raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?2026h'));
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
  }, 60_000);

  it('after a crash: the previous screen is back and the error is said in one line, exit 1', async () => {
    const s = await dashboard([], { CRASH_AFTER_MS: '4000' }, ['--import', `file://${join(ROOT, 'test', 'helpers', 'crash-later.mjs')}`]);
    expect(await s.exited()).toBe(1);
    await s.waitFor('PREVIOUS SCREEN CONTENT', 5000);
    await s.waitFor('hive-oncall: boom from a test preload', 5000);
  }, 60_000);
});

describe('the first frame', () => {
  it('comes before the data, and keys typed on it are not lost', async () => {
    const s = runInPty(['demo', '--scenario', 'calm'], { cols: 120, rows: 40 });
    await s.waitFor(STATUS_BAR, 30_000);
    // typed at once, while the panes may still be loading
    s.press('6');
    s.press('b');
    await s.waitFor(/LOW-BW.*focus Logs/, 15_000);
    await s.waitFor('Running', 15_000);
    expect(s.text()).toMatch(/LOW-BW.*focus Logs/);
    s.press('q');
    expect(await s.exited()).toBe(0);
  }, 60_000);
});

describe('resize storms', () => {
  it('after twenty resizes in two seconds the frame fits the last size exactly', async () => {
    const s = runInPty(['demo', '--scenario', 'calm'], { cols: 120, rows: 40 });
    await s.waitFor(STATUS_BAR, 30_000);
    const sizes = [[80, 24], [250, 70], [100, 30], [160, 50], [90, 25]] as const;
    for (let i = 0; i < 20; i++) {
      const [c, r] = sizes[i % sizes.length]!;
      s.resize(c, r);
      await new Promise((res) => setTimeout(res, 100));
    }
    s.resize(130, 42);
    await s.waitFor((t) => {
      const rows = t.split('\n');
      // the status bar on the last-but-one row, the grid's corner at the top left, nothing past column 130
      return STATUS_BAR.test(rows[40] ?? '') && rows[0]!.startsWith('┏━ Pods') && rows.every((r) => r.length <= 130);
    }, 10_000);
    s.press('q');
    expect(await s.exited()).toBe(0);
  }, 60_000);
});

describe('frames on the wire', () => {
  it('wraps every frame in synchronized output and never captures the mouse', async () => {
    const s = await dashboard();
    await new Promise((r) => setTimeout(r, 3000));
    s.press('q');
    await s.exited();
    const raw = s.raw();
    const begins = raw.split('\u001b[?2026h').length - 1;
    const ends = raw.split('\u001b[?2026l').length - 1;
    expect(begins).toBeGreaterThan(3);
    // every begin has its end (the last end may come from the exit path)
    expect(ends).toBeGreaterThanOrEqual(begins);
    expect(raw).not.toMatch(/\u001b\[\?100[0-6]h/);
  }, 60_000);

  it('--ascii writes nothing outside ASCII, and a C locale gets the same', async () => {
    for (const [flags, env] of [[['--ascii'], {}], [[], { LANG: 'C' }]] as const) {
      const s = await dashboard([...flags], { ...env });
      await new Promise((r) => setTimeout(r, 2000));
      expect(s.text()).toMatch(/\+-+ Pods/);
      s.press('q');
      await s.exited();
      expect(s.raw()).not.toMatch(/[^\x00-\x7f]/);
    }
  }, 90_000);

  it('--no-color and NO_COLOR write no colour, and keep the words', async () => {
    for (const [flags, env] of [[['--no-color'], {}], [[], { NO_COLOR: '1' }]] as const) {
      const s = await dashboard([...flags], { ...env });
      await s.waitFor('Running', 10_000);
      s.press('q');
      await s.exited();
      // SGR colour parameters: 30-37, 38;..., 39 is a reset and allowed, 40-47, 90-97, 100-107
      const colours = [...s.raw().matchAll(/\u001b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';')).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
      expect(colours).toEqual([]);
    }
  }, 90_000);
});

describe('no terminal to draw on', () => {
  it('stdout a pipe: one plain snapshot, a note on stderr, exit 0', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
    delete env['CI'];
    const { stdout, stderr } = await run(process.execPath, [CLI, 'demo', '--scenario', 'calm'], { cwd: ROOT, env, timeout: 30_000 });
    expect(stdout).toContain('Pods');
    expect(stdout).not.toContain('\u001b');
    expect(stderr).toContain('stdout is not a terminal: printed one snapshot');
  }, 60_000);

  it('TERM=dumb in a terminal: the same plain snapshot, no escape written', async () => {
    const s = runInPty(['demo', '--scenario', 'calm'], { cols: 100, rows: 30, env: { TERM: 'dumb' } });
    expect(await s.exited()).toBe(0);
    await s.waitFor('TERM=dumb: printed one snapshot', 5000);
    expect(s.raw()).not.toContain('\u001b');
  }, 60_000);
});
