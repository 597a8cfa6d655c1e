// The Unicode 14 table (what terminals of 2021 on know): decoded right, and consistent with Node's own
// Unicode data, which only ever adds characters.
import { describe, expect, it } from 'vitest';
import { assignedInUnicode14 } from '../../src/text/unicode14.js';

describe('assignedInUnicode14', () => {
  it('knows what Unicode 14 added and not what came after', () => {
    expect(assignedInUnicode14(0x41)).toBe(true);
    expect(assignedInUnicode14(0x1fae0)).toBe(true); // 🫠, Unicode 14
    expect(assignedInUnicode14(0x1fae8)).toBe(false); // 🫨, Unicode 15
    expect(assignedInUnicode14(0x11f00)).toBe(false); // Kawi, Unicode 15
    expect(assignedInUnicode14(0x0378)).toBe(false); // never assigned
    expect(assignedInUnicode14(0x10ffff)).toBe(false);
    expect(assignedInUnicode14(0xe000)).toBe(true); // private use is assigned (callers check it)
  });

  it('never calls assigned what Node calls unassigned', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (assignedInUnicode14(cp) && /\p{Cn}/u.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
