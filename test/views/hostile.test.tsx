import type { KubeData } from '../../src/state/types.js';
import { describe, expect, it } from 'vitest';
import { renderFrameRaw, renderFrameText } from '../../views/frame.js';
import { failed, hiveState, withUi } from './fixtures.js';
import { withoutSgr } from './helpers.js';

// Clipboard write (OSC 52), window title (OSC 0), cursor movement (CSI H), screen clear, C1 CSI, bidi override.
const HOSTILE = 'evil\u001b]52;c;cm0gLXJmIC8=\u0007\u001b]0;pwned\u0007\u001b[2J\u001b[1;1Hfake\u009b31m\u202eredir\u0000';

function hostileState() {
  const state = hiveState();
  state.kube.data!.pods[0]!.name = HOSTILE;
  state.kube.data!.pods[0]!.node = HOSTILE;
  state.alerts.data!.groups[0]!.alerts[0]!.summary = HOSTILE;
  state.consensus.data!.members[0]!.name = HOSTILE;
  state.logs.data!.lines[29]!.text = HOSTILE;
  state.logs.data!.lines[29]!.pod = HOSTILE;
  state.meta.context = HOSTILE;
  state.slos.data![0]!.name = HOSTILE;
  return state;
}

describe('hostile text in state', () => {
  it('never reaches the terminal as an escape or control sequence', () => {
    for (const state of [hostileState(), withUi({ focus: 'logs' }, hostileState())]) {
      for (const size of [
        { width: 120, height: 40 },
        { width: 80, height: 24 },
      ]) {
        const raw = renderFrameRaw(state, size, { color: true });
        // only our own SGR styling may contain ESC
        const rest = withoutSgr(raw);
        expect(rest).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
        expect(rest).toContain('evil');
      }
    }
  });

  it('also sanitises error messages and filter text', () => {
    const state = withUi(
      { filter: { ...hiveState().ui.filter, pods: `\u001b]0;x\u0007evil` } },
      hiveState({ kube: failed<KubeData>(null, HOSTILE) }),
    );
    const raw = renderFrameRaw(state, { width: 120, height: 40 }, { color: true });
    expect(withoutSgr(raw)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(renderFrameText(state, { width: 120, height: 40 })).not.toContain('\u001b');
  });
});
