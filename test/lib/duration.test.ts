// The one duration grammar (Prometheus's) and its three ways of printing.
import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatSince, parseDuration } from '../../src/lib/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['5s', 5000],
    ['2m', 120_000],
    ['2h30m', 9_000_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['1h30m15s250ms', 5_415_250],
    [' 30m ', 1_800_000],
    ['0s', 0],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'h', '1x', '1.5s', '30m1h', '1h1h', '5 m', '-5s', '1e3s', '5', 'ms'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('writes what parseDuration reads, largest unit first', () => {
    for (const text of ['500ms', '1h30m', '2d', '1w2d', '1m30s', '1h', '45s']) expect(formatDuration(parseDuration(text)!)).toBe(text);
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});

describe('formatAge (kubectl AGE)', () => {
  it.each([
    [45_000, '45s'],
    [200_000, '3m20s'],
    [45 * 60_000, '45m'],
    [(3 * 60 + 12) * 60_000, '3h12m'],
    [20 * 3_600_000, '20h'],
    [(2 * 24 + 4) * 3_600_000, '2d4h'],
    [400 * 86_400_000, '400d'],
    [(3 * 365 + 10) * 86_400_000, '3y10d'],
    [-500, '0s'],
    [-5000, '<invalid>'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('formatSince', () => {
  it('keeps the largest whole unit', () => {
    expect([12_000, 12 * 60_000 + 59_000, 3 * 3_600_000 + 1, 50 * 3_600_000].map(formatSince)).toEqual(['12s', '12m', '3h', '2d']);
  });
});
