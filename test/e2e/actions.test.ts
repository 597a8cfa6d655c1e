// Remediation from the keyboard, end to end: `hive-oncall demo --scenario bad-deploy` in a pseudo-terminal,
// keys as an on-call engineer types them, the screen as they see it, and the audit journal on disk.
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
    const modal = await s.waitFor('✔ server dry run: ok');
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

  it('delete: Enter alone cancels, y is refused for a production pod, n cancels; the Actions view lists each attempt', async () => {
    const s = await demo();
    s.press(CTRL_D);
    const modal = await s.waitFor('✔ server dry run: ok');
    const pod = /Delete pod production\/(claude-tui-[a-z0-9-]+)/.exec(modal)?.[1];
    expect(pod).toBeDefined();
    s.press('y');
    await s.waitFor('y confirms only low-risk actions');
    s.press(KEYS.enter);
    await s.waitFor(noModal);
    s.press(CTRL_D);
    await s.waitFor('✔ server dry run: ok');
    s.press('n');
    await s.waitFor(noModal);
    expect(journal().map((e) => [e.action, e.decision])).toEqual([
      ['pod-delete', 'cancelled'],
      ['pod-delete', 'cancelled'],
    ]);
    expect(s.text()).toContain(pod!.slice(-5));
    s.press('a');
    const view = await s.waitFor('2 attempts this session');
    expect(view.split('\n').filter((l) => /pod-delete .*cancelled/.test(l))).toHaveLength(2);
    s.press('a');
    await s.waitFor((t) => !t.includes('attempts this session') && t.includes('Consensus'));
  }, 90000);

  it('scale: a new replica count is dry-run again and applied once', async () => {
    const s = await demo();
    s.press('s');
    const modal = await s.waitFor(/current (\d+) -> new \1/);
    const current = Number(/current (\d+) ->/.exec(modal)![1]);
    const wanted = current + 1;
    s.press(KEYS.tab);
    s.press('\u007f');
    s.press(String(wanted));
    await s.waitFor(`current ${current} -> new ${wanted}`);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    s.press(KEYS.enter);
    await s.waitFor('press any key to close', 20000);
    expect(s.text()).toMatch(/✔/);
    const lines = journal();
    expect(lines.map((e) => [e.action, e.decision, e.result, e.parameters.replicas])).toEqual([['scale', 'confirmed', 'success', wanted]]);
  }, 90000);

  it('silence: x needs a comment, previews the alerts, mutes the alert; X expires it', async () => {
    const s = await demo();
    s.press('3');
    await s.waitFor(/x silence · X expire silence/);
    s.press('x');
    const modal = await s.waitFor(/Would silence \d+ firing alert/);
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

  it('leader transfer: L on a follower shows the pre-check and reports the new leader', async () => {
    const s = await demo();
    s.press('5');
    const pane = await s.waitFor(/L transfer leader/);
    // pick a follower: the first member row that is not the leader
    const rows = pane.split('\n').filter((l) => /hive-mind-rust-\d\s+(follower|★ LEADER)/.test(l));
    const index = rows.findIndex((l) => l.includes('follower'));
    const name = /hive-mind-rust-\d/.exec(rows[index]!)![0];
    for (let i = 0; i < index; i++) s.press('j');
    s.press('L');
    await s.waitFor(`Transfer leadership to ${name}`);
    await s.waitFor(/✔ pre-check: ok/);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    const done = await s.waitFor('press any key to close', 20000);
    expect(done).toContain(`✔ leadership moved to ${name}`);
    expect(done).toMatch(new RegExp(`post-check: .*${name}.* is the leader`));
    s.press(' ');
    // the Consensus pane, from its own polling, reports the new leader
    await s.waitFor(`· leader ${name}`, 20000);
    expect(journal().map((e) => [e.action, e.decision, e.result])).toEqual([['leader-transfer', 'confirmed', 'success']]);
  }, 90000);

  it('the remaining paths: silence and transfer cancelled, delete confirmed by typing the pod name, restart confirmed with y', async () => {
    const s = await demo();
    // First the cancels, while the scenario's alerts are certainly firing.
    s.press('3');
    await s.waitFor(/x silence/);
    s.press('x');
    await s.waitFor(/Silence alert /);
    s.press(KEYS.esc);
    await s.waitFor((t) => !/Silence alert /.test(t));

    s.press('5');
    await s.waitFor(/L transfer leader/);
    s.press('L');
    await s.waitFor(/Transfer leadership to/);
    s.press('n');
    await s.waitFor((t) => !/Transfer leadership to/.test(t));

    s.press('1');
    s.press(CTRL_D);
    const modal = await s.waitFor('✔ server dry run: ok');
    const pod = /Delete pod production\/(claude-tui-[a-z0-9-]+)/.exec(modal)![1]!;
    s.press(KEYS.tab);
    s.press(pod);
    s.press(KEYS.tab);
    s.press(KEYS.enter);
    await s.waitFor('press any key to close', 20000);
    expect(s.text()).toMatch(/✔/);
    s.press(' ');
    await s.waitFor(noModal);

    s.press('r');
    await s.waitFor('✔ server dry run: ok');
    s.press('y');
    await s.waitFor('press any key to close', 20000);
    s.press(' ');
    await s.waitFor(noModal);

    expect(journal().map((e) => [e.action, e.decision, e.result])).toEqual([
      ['silence-create', 'cancelled', null],
      ['leader-transfer', 'cancelled', null],
      ['pod-delete', 'confirmed', 'success'],
      ['rollout-restart', 'confirmed', 'success'],
    ]);
    expect(journal()[2]!.target).toContain(pod);
  }, 90000);

  it('read-only: every action key explains the session is read-only, opens nothing and writes nothing', async () => {
    const s = await demo(['--read-only']);
    await s.waitFor('read-only session');
    // the flash shares the status bar with the context: at 120 columns its end may be cut
    s.press('u');
    await s.waitFor(/read-only session: rollout-undo is d/);
    s.press(CTRL_D);
    await s.waitFor(/read-only session: pod-delete is d/);
    expect(s.text()).not.toContain('[ Confirm ]');
    expect(journal()).toEqual([]);
  }, 90000);

  it('RBAC: as the simulated "oncall" role, delete is greyed with the reason and refused in the modal; undo stays offered', async () => {
    const s = await demo(['--rbac', 'oncall']);
    await s.waitFor(/\^D delete✖.*forbidden/);
    s.press(CTRL_D);
    const modal = await s.waitFor('not permitted');
    expect(modal).toMatch(/may not delete pods/);
    expect(modal).not.toContain('[ Confirm ]');
    s.press(KEYS.esc);
    await s.waitFor(noModal);
    expect(s.text()).toMatch(/u undo(?!✖)/);
    // closing a denied modal changes nothing; the journal says so
    expect(journal().map((e) => [e.action, e.decision])).toEqual([['pod-delete', 'cancelled']]);
  }, 90000);
});

describe('cancelling changes nothing, checked through the Kubernetes API', () => {
  it('undo, scale, restart and delete cancelled from the live console leave every object as it was', async () => {
    const { startSimulator } = await import('../../src/demo/simulator.js');
    const sim = await startSimulator({ port: 0, scenario: 'bad-deploy', seed: 3 });
    const get = async (path: string) => (await fetch(`${sim.baseUrl}${path}`)).json() as Promise<Record<string, any>>;
    const snapshot = async () => {
      const d = await get('/apis/apps/v1/namespaces/production/deployments/claude-tui');
      const pods = await get('/api/v1/namespaces/production/pods');
      return {
        generation: d.metadata.generation,
        revision: d.metadata.annotations?.['deployment.kubernetes.io/revision'],
        replicas: d.spec.replicas,
        template: JSON.stringify(d.spec.template),
        pods: (pods.items as { metadata: { name: string; deletionTimestamp?: string } }[]).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort(),
      };
    };
    try {
      stateDir = mkdtempSync(join(tmpdir(), 'hive-oncall-actions-'));
      const s = runInPty(['--config', sim.configPath], { cols: 120, rows: 40, env: { XDG_STATE_HOME: stateDir } });
      screen = s;
      await s.waitFor((t) => t.includes('CrashLoopBackOff') && t.includes('^D delete'), 40000);
      const before = await snapshot();
      for (const key of ['u', 's', 'r', CTRL_D]) {
        s.press(key);
        await s.waitFor('[ Confirm ]');
        s.press(KEYS.esc);
        await s.waitFor((t) => !t.includes('[ Confirm ]'));
      }
      expect(journal().map((e) => e.decision)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
      expect(await snapshot()).toEqual(before);
    } finally {
      screen?.kill();
      screen = null;
      await sim.stop();
    }
  }, 90000);
});
