import { describe, expect, it } from 'vitest';
import { BIG_HEIGHT, bigText, bigTextWidth, fitScale, MAX_SCALE } from '../../views/wall/bigText.js';
import { cellWidth } from '../../src/text/index.js';

const WORDS = ['OK', 'DEGRADED', 'CRITICAL', 'STALE', '14:30:05'];

describe('bigText', () => {
  it.each(WORDS)('draws %s in 7 rows, every row exactly as wide as bigTextWidth says, at every scale', (word) => {
    for (let scale = 1; scale <= MAX_SCALE; scale++) {
      const lines = bigText(word, { scale });
      expect(lines).toHaveLength(BIG_HEIGHT);
      for (const l of lines) expect(cellWidth(l)).toBe(bigTextWidth(word, scale));
      expect(bigTextWidth(word, scale)).toBe(scale * bigTextWidth(word, 1));
    }
  });

  it('draws with full blocks, or with # and nothing outside ASCII under --ascii', () => {
    for (const word of WORDS) {
      const unicode = bigText(word, { scale: 2 }).join('');
      const ascii = bigText(word, { scale: 2, ascii: true }).join('');
      expect(unicode).toMatch(/^[█ ]+$/);
      expect(ascii).toMatch(/^[# ]+$/);
      expect(ascii.replace(/#/g, '█')).toBe(unicode);
    }
  });

  it('draws letters one can tell apart: O is a ring, K is not, and every digit lights pixels', () => {
    expect(bigText('O')).toEqual([' ███ ', '█   █', '█   █', '█   █', '█   █', '█   █', ' ███ ']);
    expect(bigText('K')).not.toEqual(bigText('O'));
    for (const d of '0123456789:') expect(bigText(d).join('')).toContain('█');
    expect(new Set([...'0123456789'].map((d) => bigText(d).join('\n'))).size).toBe(10);
  });

  it('puts one pixel of space between letters and draws unknown characters as blanks', () => {
    expect(bigText('II')[0]).toBe('███ ███');
    expect(bigText('I?I', { scale: 2 })[0]).toBe(`██████  ${' '.repeat(6)}  ██████`);
    expect(bigText('ok')).toEqual(bigText('OK'));
  });
});

describe('fitScale', () => {
  it('picks the biggest scale that fits, up to the maximum', () => {
    const w = bigTextWidth('CRITICAL');
    expect(fitScale('CRITICAL', w)).toBe(1);
    expect(fitScale('CRITICAL', 2 * w - 1)).toBe(1);
    expect(fitScale('CRITICAL', 2 * w)).toBe(2);
    expect(fitScale('CRITICAL', 1000)).toBe(MAX_SCALE);
    expect(fitScale('CRITICAL', 1000, 2)).toBe(2);
  });

  it('is 0 when not even scale 1 fits', () => {
    expect(fitScale('CRITICAL', bigTextWidth('CRITICAL') - 1)).toBe(0);
  });

  it('sizes for the widest of several words, so the size does not change with the word', () => {
    const words = ['OK', 'DEGRADED'];
    const w = 2 * bigTextWidth('DEGRADED') - 1;
    expect(fitScale('OK', w)).toBe(MAX_SCALE);
    expect(fitScale(words, w)).toBe(1);
  });
});
