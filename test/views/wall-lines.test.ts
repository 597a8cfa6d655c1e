import { describe, expect, it } from 'vitest';
import { headlineOf, type Headline } from '../../src/runtime/headline.js';
import { bandHeight, headlineLines } from '../../views/wall/headlineLines.js';
import { lineText, lineWidth, type BandLine } from '../../views/wall/segments.js';
import { hiveConsensus, hiveSlos, hiveState, NOW, ok } from '../views/fixtures.js';

const MIN = 60_000;
const critical = () => headlineOf(hiveState(), NOW, MIN);
const stale = () => headlineOf(hiveState({ slos: ok(hiveSlos(), NOW - 2 * MIN) }), NOW, MIN);
const calm = () =>
  headlineOf(
    hiveState({
      kube: ok({ pods: [], deployments: [], context: 'c', cluster: 'c', watch: 'live' }),
      slos: ok(hiveSlos().map((s) => ({ ...s, status: 'ok' as const }))),
      alerts: ok({ groups: [], silences: [] }),
    }),
    NOW,
    MIN,
  );

const text = (lines: BandLine[]) => lines.map(lineText).join('\n');
/** Where the facts column starts: the column of "clock" on its row. */
const factsColumn = (lines: BandLine[]) => lines.map(lineText).find((l) => l.includes('clock'))!.indexOf('clock');

const SIZES: [number, number][] = [[250, 12], [200, 11], [200, 9], [150, 9], [120, 9], [100, 7], [80, 4], [40, 3], [20, 1], [5, 2]];

describe('headlineLines', () => {
  it.each(SIZES)('fills exactly %ix%i and never draws wider', (width, height) => {
    for (const h of [critical(), stale(), calm()]) {
      for (const ascii of [false, true]) {
        const lines = headlineLines(h, { width, height, ascii });
        expect(lines).toHaveLength(height);
        for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('shows the state in block letters and the facts beside them at 200x11', () => {
    const lines = headlineLines(critical(), { width: 200, height: 11 });
    const t = text(lines);
    expect(lines.filter((l) => lineText(l).includes('█'))).toHaveLength(7);
    expect(t).toContain('worst SLO  Availability 99.12% ✖ critical (+1)');
    expect(t).toContain('alerts     1 critical · 1 warning firing');
    expect(t).toContain('leader     hive-mind-rust-1 · term 42');
    expect(t).toContain('pods       2 of 10 failing');
    expect(t).toContain('clock      14:30:00 UTC');
    expect(t).toContain('data       3s old');
    // the letters carry the state's tone
    const letters = lines.flat().filter((s) => s.text.includes('█'));
    expect(new Set(letters.map((s) => s.tone))).toEqual(new Set(['danger']));
  });

  it('says STALE with which backend is how old, mutes the frozen numbers and keeps what was last known', () => {
    const lines = headlineLines(stale(), { width: 200, height: 11 });
    const t = text(lines);
    expect(t).toContain('STALE      prometheus 2m old');
    expect(t).toContain('last known CRITICAL · 1 critical alert firing');
    expect(t).toContain('Availability 99.12% ✖ critical (+1) (2m old)');
    const slo = lines.find((l) => lineText(l).includes('worst SLO'))!;
    expect(slo.filter((s) => s.text.includes('critical')).every((s) => s.tone === 'muted')).toBe(true);
    // fresh alerts keep their colour
    const alerts = lines.find((l) => lineText(l).includes('alerts'))!;
    expect(alerts.find((s) => s.text === '1 critical')?.tone).toBe('danger');
    expect(lines.flat().find((s) => s.text.includes('█'))?.tone).toBe('info');
  });

  it('keeps the facts column in place when the state changes', () => {
    const at = (h: Headline) => factsColumn(headlineLines(h, { width: 200, height: 11 }));
    expect(at(calm())).toBe(at(critical()));
    expect(at(stale())).toBe(at(critical()));
  });

  it('draws nothing outside ASCII under --ascii, hostile names included', () => {
    const state = hiveState({ consensus: ok({ ...hiveConsensus(), members: hiveConsensus().members.map((m) => ({ ...m, name: `név\u001b]0;pwn\u0007-${m.id}` })) }) });
    for (const [width, height] of SIZES) {
      for (const h of [headlineOf(state, NOW, MIN), stale()]) {
        const t = text(headlineLines(h, { width, height, ascii: true }));
        expect(t).toMatch(/^[\u0020-\u007e\n]*$/);
      }
    }
    const t = text(headlineLines(headlineOf(state, NOW, MIN), { width: 200, height: 11, ascii: true }));
    expect(t).toContain('#');
    expect(t).toContain('critical | 1 warning firing');
  });

  it('never passes an escape byte through in Unicode mode', () => {
    const state = hiveState({ consensus: ok({ ...hiveConsensus(), members: hiveConsensus().members.map((m) => ({ ...m, name: `x\u001b[2Jy-${m.id}` })) }) });
    expect(text(headlineLines(headlineOf(state, NOW, MIN), { width: 200, height: 11 }))).not.toMatch(/\u001b/);
  });

  it('falls back to an inverse badge when the letters do not fit, keeping the most important facts', () => {
    const lines = headlineLines(stale(), { width: 80, height: 3 });
    expect(lines[0]![0]).toMatchObject({ text: ' STALE ', inverse: true, tone: 'info' });
    // the first row says what is stale; the two next most important facts follow, in drawing order; the
    // clock, pods and leader are dropped first
    expect(lineText(lines[0]!)).toContain('prometheus 2m old');
    expect(lineText(lines[1]!)).toContain('alerts');
    expect(lineText(lines[2]!)).toContain('last known');
    expect(text(lines)).not.toContain('clock');
  });

  it('keeps the data age when the band is short even beside big letters', () => {
    const t = text(headlineLines(critical(), { width: 200, height: 7 }));
    expect(t).toContain('data       3s old');
    expect(t).toContain('worst SLO');
  });
});

describe('bandHeight', () => {
  it('gives the letters room with air on a big wall, less on a smaller one, a strip when they do not fit', () => {
    expect(bandHeight(200, 58)).toBe(11);
    expect(bandHeight(250, 68)).toBe(11);
    expect(bandHeight(120, 38)).toBe(9);
    expect(bandHeight(80, 22)).toBe(4);
    expect(bandHeight(200, 20)).toBe(4);
  });
});
