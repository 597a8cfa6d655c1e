// Remediation from the keyboard, end to end: `hive-oncall demo --scenario bad-deploy` in a pseudo-terminal,
// keys as an on-call engineer types them, the screen as they see it, and the audit journal on disk. Only
// the paths a terminal alone shows: the modal's safety rules (Cancel focused first, Enter alone never
// confirms, y refused for destructive production actions, one submit, scale re-plans) are tested once in
// test/runtime (modal, action-flow), and "cancel changes nothing" in test/scenarios/cancel-changes-nothing.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/state/actions.js';
import { KEYS, runInPty, type Screen } from '../helpers/pty.js';

const CTRL_D = '\u0004';
let screen: Screen | null = null;
let stateDir: string | null = null;

afterEach(() => {
  screen?.kill();
  screen = null;
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  stateDir = null;
});

/** The demo with its own XDG state dir, so the journal it writes is this test's alone. */
async function demo(extra: string[] = []): Promise<Screen> {
  stateDir = mkdtempSync(join(tmpdir(), 'hive-oncall-actions-'));
  screen = runInPty(['demo', '--scenario', 'bad-deploy', '--seed', '3', ...extra], { cols: 120, rows: 40, env: { XDG_STATE_HOME: stateDir } });
  await screen.waitFor((t) => t.includes('CrashLoopBackOff') && t.includes('^D delete'), 40000);
  return screen;
}

function journal(): JournalEntry[] {
  const path = join(stateDir!, 'hive-oncall', 'audit.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEntry);
}

const noModal = (t: string) => !t.includes('┏━ Roll back') && !t.includes('┏━ Delete') && !t.includes('press any key to close');

describe('remediation actions in the bad-deploy demo', () => {
  it('undo: Esc cancels and changes nothing; the typed name and Confirm roll back and heal the scenario', async () => {
    const s = await demo();
    s.press('u');
    // the modal is drawn row by row: wait for its lowest row before reading the others
    const modal = await s.waitFor((t) => t.includes('✔ server dry run: ok') && t.includes('type claude-tui to confirm') && t.includes('press focused button'));
    expect(modal).toContain('Roll back deployment production/claude-tui');
    expect(modal).toContain('context hive-demo');
    expect(modal).toMatch(/- ghcr\.io\/hive-mind\/claude-tui:v1\.8\.0/);
    expect(modal).toContain('type claude-tui to confirm');
    s.press(KEYS.esc);
    await s.waitFor(noModal);
    expect(journal().map((e) => [e.action, e.decision])).toEqual([['rollout-undo', 'cancelled']]);
    // still broken: the cancel did not roll anything back
    expect(s.text()).toContain('CrashLoopBackOff');

    s.press('u');
    await s.waitFor('✔ server dry run: ok');
    s.press(KEYS.tab);
    await s.waitFor(/\[▏\s*\]/);
    s.press('claude-tui');
    await s.waitFor(/\[claude-tui▏\s*\]\s+✔/);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    const done = await s.waitFor('press any key to close', 20000);
    expect(done).toMatch(/✔ deployment production\/claude-tui rolled back/);
    s.press(' ');
    await s.waitFor((t) => /Pods ━ \d+ pods, 0 failing/.test(t) && !t.includes('CrashLoopBackOff'), 30000);
    expect(journal().map((e) => [e.action, e.decision, e.result])).toEqual([
      ['rollout-undo', 'cancelled', null],
      ['rollout-undo', 'confirmed', 'success'],
    ]);
  }, 90000);

  it('silence: x needs a comment, previews the alerts, mutes the alert; X expires it', async () => {
    const s = await demo();
    s.press('3');
    await s.waitFor(/x silence · X expire silence/);
    s.press('x');
    const modal = await s.waitFor((t) => /Would silence \d+ firing alert/.test(t) && /\[ Confirm \]\s+a comment is required/.test(t) && t.includes('press focused button'));
    expect(modal).toMatch(/\[ Confirm \]\s+a comment is required/);
    s.press(KEYS.tab);
    s.press('rollback in progress');
    await s.waitFor(/\[rollback in progress▏/);
    s.press(KEYS.tab);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    await s.waitFor('press any key to close', 20000);
    expect(s.text()).toMatch(/✔/);
    s.press(' ');
    // Alertmanager reports the silence and the alert as silenced: X is no longer greyed
    await s.waitFor((t) => t.includes('1 active silence') && /\d+ silenced/.test(t) && /X expire silence(?!✖)/.test(t), 20000);
    s.press('X');
    await s.waitFor(/Expire silence/);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    await s.waitFor('press any key to close', 20000);
    s.press(' ');
    await s.waitFor((t) => !t.includes('active silence') && /X expire silence✖/.test(t), 20000);
    expect(journal().map((e) => [e.action, e.decision, e.result])).toEqual([
      ['silence-create', 'confirmed', 'success'],
      ['silence-expire', 'confirmed', 'success'],
    ]);
    expect(journal()[0]!.parameters.comment).toBe('rollback in progress');
  }, 90000);

  it('RBAC: as the simulated "oncall" role, delete is greyed with the reason and refused in the modal; undo stays offered', async () => {
    const s = await demo(['--rbac', 'oncall']);
    await s.waitFor(/\^D delete✖.*forbidden/);
    s.press(CTRL_D);
    const modal = await s.waitFor((t) => t.includes('not permitted') && t.includes('may not delete pods') && /close\s*┃/.test(t));
    expect(modal).toMatch(/may not delete pods/);
    expect(modal).not.toContain('[ Confirm ]');
    s.press(KEYS.esc);
    await s.waitFor(noModal);
    // the row under the closed modal is redrawn with the rest: waited for, not read at once
    await s.waitFor(/u undo(?!✖)/);
    // closing a denied modal changes nothing; the journal says so
    expect(journal().map((e) => [e.action, e.decision])).toEqual([['pod-delete', 'cancelled']]);
  }, 90000);
});
