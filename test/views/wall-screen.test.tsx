import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import type { PaneId } from '../../src/state/types.js';
import { plainText } from '../../src/text/index.js';
import { renderElementRaw } from '../../views/frame.js';
import { ThemeContext } from '../../views/theme/ThemeContext.js';
import { createTheme } from '../../views/theme/theme.js';
import { HeadlineBand } from '../../views/wall/HeadlineBand.js';
import { PaneRow, WallScreen, type WallScreenProps } from '../../views/wall/WallScreen.js';
import { headlineOf } from '../../src/runtime/headline.js';
import { colourCodes } from './helpers.js';
import { hiveSlos, hiveState, NOW, ok } from './fixtures.js';

const MIN = 60_000;

interface Calls {
  panes: [readonly PaneId[], number, number][];
  grid: [number, number][];
}

function wall(size: { width: number; height: number }, props: Partial<WallScreenProps> = {}, calls: Calls = { panes: [], grid: [] }) {
  const el = (
    <WallScreen
      state={hiveState()}
      width={size.width}
      height={size.height}
      staleAfterMs={MIN}
      rotateMs={15_000}
      renderPanes={(ids, w, h) => {
        calls.panes.push([ids, w, h]);
        return <PaneRow ids={ids} width={w} height={h} renderPane={(p, r) => <Text>{`[${p} ${r.width}x${r.height}]`}</Text>} />;
      }}
      {...props}
    />
  );
  return plainText(renderElementRaw(el, { width: size.width, height: size.height + 1 })).split('\n');
}

describe('WallScreen', () => {
  it('draws the band, the rotation strip and the set on screen, exactly as tall as asked', () => {
    const calls: Calls = { panes: [], grid: [] };
    // the fixture session started 10 minutes ago: 40 turns of 15s, so the second set is on
    const rows = wall({ width: 200, height: 58 }, {}, calls);
    expect(rows).toHaveLength(58);
    expect(rows.slice(0, 11).join('\n')).toContain('█');
    expect(rows.slice(0, 11).join('\n')).toContain('clock      14:30:00 UTC');
    expect(rows[11]).toMatch(/^ SLOs \+ Latency \+ Consensus +2\/3 · next in 15s$/);
    expect(calls.panes.at(-1)).toEqual([['slos', 'latency', 'consensus'], 200, 46]);
    expect(rows[12]).toMatch(/^\[slos 67x46\] +\[latency 67x46\] +\[consensus 66x46\]/);
  });

  it('shows the full grid without a strip when rotation is off and a grid is passed', () => {
    const calls: Calls = { panes: [], grid: [] };
    const rows = wall({ width: 200, height: 58 }, { rotateMs: 0, renderGrid: (w, h) => (calls.grid.push([w, h]), <Text>GRID</Text>) }, calls);
    expect(calls.grid.at(-1)).toEqual([200, 47]);
    expect(calls.panes).toEqual([]);
    expect(rows[11]).toBe('GRID');
    expect(rows.join('\n')).not.toContain('next in');
  });

  it('falls back to all six panes through renderPanes for the grid without renderGrid', () => {
    const calls: Calls = { panes: [], grid: [] };
    wall({ width: 120, height: 38 }, { rotateMs: 0 }, calls);
    expect(calls.panes.at(-1)?.[0]).toEqual(['pods', 'slos', 'alerts', 'latency', 'consensus', 'logs']);
  });

  it('draws only ASCII under --ascii', () => {
    const rows = wall({ width: 200, height: 58 }, { ascii: true, state: hiveState({ slos: ok(hiveSlos(), NOW - 2 * MIN) }) });
    const t = rows.join('\n');
    expect(t).toMatch(/^[\u0020-\u007e\n]*$/);
    expect(t).toContain('STALE      prometheus 2m old');
    expect(t).toContain('2/3 - next in 15s');
  });

  it('fits a small terminal with the compact band', () => {
    const rows = wall({ width: 80, height: 22 });
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatch(/^ CRITICAL +data +3s old/);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(80);
  });
});

describe('HeadlineBand', () => {
  const band = (color: boolean) =>
    renderElementRaw(
      <ThemeContext.Provider value={createTheme(color)}>
        <HeadlineBand headline={headlineOf(hiveState(), NOW, MIN)} width={200} height={11} />
      </ThemeContext.Provider>,
      { width: 200, height: 12 },
    );

  it('colours the letters by state, and with NO_COLOR keeps the letters but no colour', () => {
    expect(colourCodes(band(true)).some((c) => c.includes('31'))).toBe(true);
    const plain = band(false);
    expect(colourCodes(plain)).toEqual([]);
    expect(plainText(plain)).toContain('█');
  });
});
