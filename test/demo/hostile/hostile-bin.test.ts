// The shipped bin in a pseudo-terminal against the simulator in hostile mode (src/demo/hostile.ts): pod
// names, labels and annotations, alerts, log lines, events and an etcd error body all carry OSC (title,
// hyperlink, clipboard), CSI screen clears and cursor moves, DCS, C1 controls, a lone ESC and bidi overrides.
// Every pane is visited, the modals and views opened; the bytes the terminal receives must hold none of it,
// while the screen shows the neutralised text. Then a config whose values carry escapes. (An Esc is always
// waited out before the next key: Esc and a key right behind it are one Alt-key to a terminal.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorHandle } from '../../../src/demo/contracts.js';
import { HOSTILE_MARKERS } from '../../../src/demo/hostile.js';
import { startSimulator } from '../../../src/demo/simulator.js';
import { hostileProblems } from '../../helpers/hostile.js';
import { KEYS, runInPty, type Screen } from '../../helpers/pty.js';
import { tempDir } from '../../helpers/temp.js';

const CTRL_D = '\u0004';
// YAML double-quoted strings spell ESC \e and BEL \a
const YAML_TITLE = '\\e]0;pwned\\a';
const YAML_CLEAR = '\\e[2J\\e[H';
let sim: SimulatorHandle;
let screen: Screen | null = null;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'crashloop', seed: 4, hostile: true, outDir: tempDir('hive-hostile-sim-') });
});
afterAll(async () => {
  await sim?.stop();
});
afterEach(() => {
  screen?.kill();
  screen = null;
});

/** the status bar (the frame's last row) is drawn last: a screen that shows it is a whole frame */
const whole = (t: string) => /q quit/.test(t);
/** A forged screen would start with the hostile text the clear-and-home put there, not with a pane. */
const firstRowIsAPane = (t: string) => /^[┏┌]/.test(t.split('\n')[0] ?? '');

describe('hostile backends through the shipped bin', () => {
  it('every pane, modal and view shows their text neutralised and writes none of their sequences', async () => {
    const stateDir = tempDir('hive-hostile-state-');
    const s = (screen = runInPty(['--config', sim.configPath], { cols: 120, rows: 40, env: { XDG_STATE_HOME: stateDir } }));
    const seen: string[] = [];
    const see = async (predicate: (t: string) => boolean, what: string, timeoutMs = 15_000) => {
      const t = await s.waitFor((x) => whole(x) && predicate(x), timeoutMs).catch((err: Error) => {
        throw new Error(`waiting for ${what}: ${err.message}`);
      });
      expect(firstRowIsAPane(t), `first row while waiting for ${what}:\n${t}`).toBe(true);
      seen.push(t);
      return t;
    };

    await see((t) => t.includes(HOSTILE_MARKERS.pod) && t.includes(HOSTILE_MARKERS.alert), 'the hostile pod and alert', 40_000);
    // the etcd member whose gateway answers 500 with a hostile body (the pane has room for its start only)
    await see((t) => /hive-mind-rust-2 .*✖ HTTP 500/.test(t), 'the hostile API error in the Consensus pane');

    // Pods: filter to the hostile pod (the Logs pane follows the pod under the cursor), then the delete
    // modal and the Actions view, each closed again
    s.press('1');
    s.press(`/hostile${KEYS.enter}`);
    await see((t) => /Pods ━ \/hostile 1\/\d+ pods/.test(t), 'the Pods filter');
    s.press('g');
    await see((t) => t.includes(HOSTILE_MARKERS.log), 'the hostile pod’s log lines');
    s.press(CTRL_D);
    await see((t) => t.includes('Cancel') && t.includes(HOSTILE_MARKERS.pod), 'the delete modal naming the hostile pod');
    s.press(KEYS.esc);
    await see((t) => !t.includes('Cancel'), 'the modal closed');
    s.press('a');
    await see((t) => t.includes('┏━ Actions') && t.includes('pod-delete'), 'the Actions view with the cancelled delete');
    s.press('a');
    await see((t) => !t.includes('┏━ Actions'), 'the Actions view closed');

    // Alerts: the silence modal previews the hostile alert's labels
    s.press('3');
    await see((t) => /focus Alerts/.test(t), 'the Alerts pane focused');
    s.press('x');
    await see((t) => t.includes('Cancel'), 'the silence modal');
    s.press(KEYS.esc);
    await see((t) => !t.includes('Cancel'), 'the modal closed');

    // Consensus: the leader transfer modal
    s.press('5');
    await see((t) => /focus Consensus/.test(t), 'the Consensus pane focused');
    // (the modal, or why the transfer cannot be offered: one member answers only errors)
    s.press('L');
    const transfer = await see((t) => t.includes('Cancel') || /transfer leader: /.test(t), 'the leader transfer modal or its refusal');
    if (transfer.includes('Cancel')) {
      s.press(KEYS.esc);
      await see((t) => !t.includes('Cancel'), 'the modal closed');
    }

    // Logs: filter on the hostile lines, pause, follow
    s.press('6');
    s.press(`/hostile${KEYS.enter}`);
    await see((t) => /focus Logs/.test(t) && t.includes(HOSTILE_MARKERS.log), 'the Logs filter on hostile lines');
    s.press('p');
    s.press('f');
    for (const key of ['2', '4', '?']) {
      s.press(key);
      await new Promise((r) => setTimeout(r, 200));
    }
    await see((t) => t.includes('Help'), 'the help');
    s.press(KEYS.esc);
    await see((t) => !t.includes('┏━ Help'), 'the help closed');

    s.press('q');
    expect(await s.exited()).toBe(0);
    expect(hostileProblems(s.raw())).toEqual([]);
    // and what was shown is the text around the sequences, not nothing
    const all = seen.join('\n');
    for (const marker of [HOSTILE_MARKERS.pod, HOSTILE_MARKERS.alert, HOSTILE_MARKERS.alertSummary, HOSTILE_MARKERS.log]) expect(all).toContain(marker);
  }, 120_000);

  it('the compact layout at 80x24 writes none of it either', async () => {
    const s = (screen = runInPty(['--config', sim.configPath], { cols: 80, rows: 24, env: { XDG_STATE_HOME: tempDir('hive-hostile-state-') } }));
    await s.waitFor((t) => whole(t) && t.includes(HOSTILE_MARKERS.pod), 40_000);
    for (const key of ['2', '3', '4', '5', '6', '1', KEYS.tab, KEYS.tab]) {
      s.press(key);
      await new Promise((r) => setTimeout(r, 250));
    }
    await s.waitFor(whole);
    s.press('q');
    expect(await s.exited()).toBe(0);
    expect(hostileProblems(s.raw())).toEqual([]);
  }, 90_000);

  it('a config whose values carry escapes: a context name is refused in a clean message', async () => {
    const config = join(tempDir('hive-hostile-config-'), 'hostile.yaml');
    writeFileSync(config, ['kubernetes:', `  kubeconfig: ${sim.kubeconfigPath}`, `  context: "hive-demo${YAML_TITLE}${YAML_CLEAR}-no-such-context\\x9b31m\\u202e"`, ''].join('\n'));
    const s = (screen = runInPty(['--config', config], { cols: 100, rows: 30 }));
    expect(await s.exited()).toBe(2);
    expect(s.raw()).toContain('no context "hive-demo');
    expect(hostileProblems(s.raw())).toEqual([]);
  }, 60_000);

  it('a config whose values carry escapes: a backend URL, shown in the panes that cannot reach it', async () => {
    const config = join(tempDir('hive-hostile-config-'), 'hostile.yaml');
    writeFileSync(config, ['kubernetes:', `  kubeconfig: ${sim.kubeconfigPath}`, 'prometheus:', `  url: "http://127.0.0.1:1/${YAML_TITLE}${YAML_CLEAR}"`, ''].join('\n'));
    const s = (screen = runInPty(['--config', config], { cols: 120, rows: 40, env: { XDG_STATE_HOME: tempDir('hive-hostile-state-') } }));
    await s.waitFor((t) => whole(t) && t.includes(HOSTILE_MARKERS.pod) && /SLOs[^\n]*\n[^\n]*✖/.test(t), 30_000);
    for (const key of ['2', '4']) {
      s.press(key);
      await new Promise((r) => setTimeout(r, 300));
    }
    s.press('q');
    expect(await s.exited()).toBe(0);
    expect(hostileProblems(s.raw())).toEqual([]);
  }, 60_000);
});
