import { describe, expect, it } from 'vitest';
import { renderFrameRaw } from '../../views/frame.js';
import { colorEnabled } from '../../views/theme/theme.js';
import { failed, hiveState } from './fixtures.js';
import { colourCodes, withoutSgr } from './helpers.js';

const SIZE = { width: 120, height: 40 };

describe('colour and NO_COLOR', () => {
  it('honours NO_COLOR only when present and non-empty', () => {
    expect(colorEnabled({})).toBe(true);
    expect(colorEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
  });

  it('uses colour when enabled (so the NO_COLOR check below can fail)', () => {
    const raw = renderFrameRaw(hiveState(), SIZE, { color: true });
    expect(colourCodes(raw).length).toBeGreaterThan(0);
  });

  it('emits no colour codes without colour, but keeps the selection inverse and focus bold', () => {
    const raw = renderFrameRaw(hiveState(), SIZE, { color: false });
    expect(colourCodes(raw)).toEqual([]);
    // the selected (first) pod row is inverse
    const selected = raw.split('\n').find((l) => l.includes('\u001b[7m') && l.includes('hive-mind-coor'));
    expect(selected).toBeDefined();
    expect(raw).toContain('\u001b[1m');
    // status still readable without colour
    expect(withoutSgr(raw)).toContain('✖ CrashLoopBackOff');
  });

  it('dims the last good data under an error', () => {
    const base = hiveState();
    const raw = renderFrameRaw(hiveState({ kube: failed(base.kube.data, 'watch failed') }), SIZE, { color: false });
    const row = raw.split('\n').find((l) => l.includes('postgresql-0'))!;
    expect(row).toContain('\u001b[2m');
    const healthy = renderFrameRaw(base, SIZE, { color: false }).split('\n').find((l) => l.includes('postgresql-0'))!;
    expect(healthy).not.toContain('\u001b[2m');
  });
});
