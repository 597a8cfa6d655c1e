// Random text for property tests: random code points from every plane, real grapheme clusters, and the
// pieces terminals and width libraries disagree on, mixed, so that a run sees them next to each other.
import fc from 'fast-check';

const cp = (n: number) => String.fromCodePoint(n);

/** Building blocks that are rare in uniformly random code points but common in real hostile text. */
const PIECES: string[] = [
  // emoji and what joins them
  '👍', '🏽', '🏻', '\u200d', '\ufe0f', '\ufe0e', '\u20e3', '👨', '👩', '👧', '❤', '☀', '✔', '✖', '⚠', '©', '™', '🏳', '🏴',
  '\u{1f1e9}', '\u{1f1ea}', '\u{e0067}', '\u{e0062}', '\u{e007f}', '1', '#', '🫨', '🛜', '🪐',
  // marks, spacing marks, viramas and the consonants they join
  '\u0301', '\u0308', '\u0489', '\u1ab0', '\u093e', '\u094d', 'क', 'ष', 'स', 'त', '\u0947', '\u09cd', 'ক',
  '\u0e33', 'ก', '\u0e31', '\u0eb3', 'ກ', '\u0d4e', 'ക', '\u0bcd', 'த', '\u17d2', 'ក',
  // Hangul jamo and syllables
  '\u1100', '\u1161', '\u11a8', '가', '\ua960', '\ud7b0',
  // wide, ambiguous, and wide only in recent tables
  '日', '語', 'ｶ', '\uff9e', 'Ｆ', '\u3000', 'Ж', 'Σ', '°', '─', '\u3248', '\u4dc0', '\u{17000}', '\u2630', '\u{1f200}', '\u302e',
  // invisible, bidi, separators
  '\u200b', '\u200c', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2067', '\u200f', '\u061c', '\u2028', '\u3164', '\u115f', '\u034f',
  // unusable: private use, unassigned, noncharacters, lone surrogates, newer than Unicode 14
  '\ue000', '\u{f0000}', '\u0378', '\u{e0080}', '\ufffe', '\ud800', '\udc00', cp(0x1fae8), cp(0x11f00),
  // controls and escape sequences
  '\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u001b[31m', '\u001b]0;t\u0007', '\u001bP1\u001b\\',
  ' ', 'a', 'Z', '~',
];

/** Any one code point (surrogate halves included), weighted towards the ranges with interesting widths. */
const codePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }),
  fc.integer({ min: 0x300, max: 0x36f }),
  fc.integer({ min: 0x900, max: 0xdff }),
  fc.integer({ min: 0x1100, max: 0x11ff }),
  fc.integer({ min: 0x2000, max: 0x2bff }),
  fc.integer({ min: 0x2e80, max: 0xa4cf }),
  fc.integer({ min: 0x1f000, max: 0x1faff }),
  fc.integer({ min: 0xe0000, max: 0xe01ef }),
).map(cp);

/** Hostile text: a mix of random code points, real grapheme clusters and the pieces above. */
export const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: codePoint }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));
