// Untrusted graphemes in a form every terminal draws at the width Ink places them at.
//
// Ink 6.6 places each grapheme (Intl.Segmenter) in max(1, string-width 8) cells; a terminal advances the
// cursor by its own table, code point by code point (tmux 3.3a, xterm.js, VTE). Where the two disagree,
// everything to the right of that grapheme on the row moves: the pane border with it. Measured (tmux 3.3a
// on glibc 2.36, xterm.js 6, string-width 8.3), they disagree on: ZWJ sequences (👨‍👩‍👧: 2 in Ink, 6 where a
// terminal adds up its parts), skin-tone modifiers (👍🏽: 2 vs 4), VS16 (❤️: 2 vs 1), keycaps (1️⃣: 2 vs 1),
// tag sequences, characters newer than the terminal's table (🫨: 2 vs 0), zero-width characters Ink
// still gives a cell (ZWSP, soft hyphen), Indic conjuncts that one grapheme spans (स्ते: 1 vs 2), and
// wide characters that only recent tables call wide. Each grapheme is therefore rewritten to its stable
// form: the base emoji when it alone is wide everywhere (👍🏽 -> 👍, 👨‍👩‍👧 -> 👨), the text form when it is
// not (❤️ -> ❤), the letters of a flag (🇩🇪 -> DE), the keycap's digit, a conjunct split where a terminal
// splits it, invisible characters removed, and U+FFFD (one column everywhere) for what has no stable form.
//
// East-Asian-ambiguous characters (Greek, Cyrillic, °, ©, …, box drawing) stay: terminals outside CJK
// locales draw them one column wide, as string-width does by default, and our own borders are box
// drawing characters, so a terminal set to draw them wide cannot draw the frame anyway. Replacing the
// letters of a Russian log line would lose the text for nothing.
//
// Text-presentation pictographs (✔ ✖ ⚠ ☀ ❤, which the views draw themselves) stay too: one column in
// string-width 8 and in every terminal measured. Ink's layout measure (widest-line, string-width 7) counts
// them as two, which is harmless here: every row is cut to its width with string-width 8 before Ink sees
// it, Ink's own truncation (cli-truncate) measures with string-width 8 too, and every pane clips.
import stringWidth from 'string-width';
import { assignedInUnicode14 } from './unicode14.js';

/** One column in every terminal: what is shown for a grapheme that has no stable form. */
export const PLACEHOLDER = '\ufffd';
const ZWNJ = '\u200c';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`, as Ink (and string-width) split it. */
export const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const REGIONAL = /^\p{Regional_Indicator}$/u;
const MODIFIER = /^\p{Emoji_Modifier}$/u;
// Printed as nothing, yet a terminal may give one a cell (xterm.js: soft hyphen, ZWSP) and Ink gives a
// lone one a cell: VS1-16, ZWJ/ZWNJ, word joiner, BOM, soft hyphen, tags, Hangul fillers, bidi controls.
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
// Zero columns after a base everywhere: nonspacing and enclosing marks, Hangul medial/final jamo.
const MARK = /^[\p{Mn}\p{Me}\u1160-\u11ff]$/u;
const HANGUL_INITIAL = /^[\u1100-\u115f\ua960-\ua97f]$/u;
// Private use, surrogates, unassigned; and what terminals draw differently (found by scanning every code
// point through xterm.js and tmux): the Hangul jamo of Unicode 5.2 (Extended-B, zero columns in tmux,
// one in xterm.js), wide spacing marks (the Hangul tone marks U+302E/F: two columns in tmux, none in
// xterm.js), and three characters whose category changed between the two tables' Unicode versions
// (U+06DE, U+1734, U+1171E: a column in one, none in the other).
const UNUSABLE = /^[\p{Co}\p{Cs}\p{Cn}\ud7b0-\ud7ff\u06de\u1734\u{1171e}]$/u;
const WIDE_SPACING_MARK = /^\p{Mc}$/u;
// Thai and Lao SARA AM are spacing vowels string-width does not count (one column for กำ, two in every
// terminal), and one joins whatever precedes it; their compatibility forms (NIKHAHIT + SARA AA) do not.
const SARA_AM = /[\u0e33\u0eb3]/g;
const LINE_SEPARATOR = /^[\u2028\u2029]$/u;
// Letters that join the next grapheme (Prepend): Ink counts the pair as one cell, terminals as two.
export const PREPEND = /^[\u0d4e\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]$/u;

/**
 * The East Asian wide ranges of Markus Kuhn's wcwidth (2007), which older terminals still use (xterm.js's
 * default table among them). A character string-width calls wide outside them (Tangut, Khitan, the
 * trigrams Unicode 16 widened), or narrow inside them (the circled numbers U+3248-U+324F, hexagrams),
 * is drawn at a width that depends on the terminal.
 */
function classicWide(cp: number): boolean {
  return (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      cp === 0x2329 ||
      cp === 0x232a ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x2fffd) ||
      (cp >= 0x30000 && cp <= 0x3fffd))
  );
}

const DROP = -2;
const BAD = -1;

// Dropped wherever they are: invisible characters, skin tones (on an emoji they are handled whole; on
// anything else they are a stray square), and the keycap enclosure, which makes a digit two columns wide
// to string-width and one to terminals (1️⃣ is shown as 1).
const dropped = (ch: string): boolean => INVISIBLE.test(ch) || MODIFIER.test(ch) || ch === '\u20e3';

/** Columns one code point takes in every terminal (0 for a mark), DROP for an invisible one, BAD when terminals disagree. */
function codePointWidth(ch: string): number {
  if (dropped(ch)) return DROP;
  if (MARK.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  if (UNUSABLE.test(ch) || PREPEND.test(ch) || !assignedInUnicode14(cp)) return BAD;
  const w = stringWidth(ch);
  if (w === 0) return DROP;
  if (w === 2 && WIDE_SPACING_MARK.test(ch)) return BAD;
  return (w === 2) === classicWide(cp) ? w : BAD;
}

/** The letter a regional indicator stands for (two of them make a flag: 🇩🇪 is DE). */
const regionalLetter = (ch: string): string => String.fromCharCode(0x41 + ch.codePointAt(0)! - 0x1f1e6);

/** An emoji grapheme's stable form, or null when `g` is not an emoji. */
function emojiForm(g: string, first: string): string[] | null {
  if (REGIONAL.test(first)) {
    // a flag is two regional indicators: their letters say the same in two columns everywhere
    const letters: string[] = [];
    for (const ch of g) if (REGIONAL.test(ch)) letters.push(regionalLetter(ch));
    return letters;
  }
  if (MODIFIER.test(first)) return []; // a skin tone with nothing to modify
  if (!PICTOGRAPHIC.test(first)) return null;
  if (!assignedInUnicode14(first.codePointAt(0)!)) return [PLACEHOLDER];
  if (EMOJI_PRESENTATION.test(first)) return [first];
  // text presentation (❤ ☀ ✔ ©): the base alone, without the VS16 that some terminals honour
  const w = codePointWidth(first);
  return [w > 0 ? first : PLACEHOLDER];
}

const joiners = new Map<string, boolean>();

/** A code point that joins whatever grapheme precedes it (a mark, a spacing vowel sign, a halfwidth voicing mark). */
export function joinsPrevious(ch: string): boolean {
  let joins = joiners.get(ch);
  if (joins === undefined) {
    joins = graphemes(`a${ch}`).length === 1;
    joiners.set(ch, joins);
  }
  return joins;
}

interface Piece {
  text: string;
  width: number;
  /** takes no marks: a placeholder, or a pictograph (as an emoji grapheme of its own it would lose them) */
  bare: boolean;
}

/** Pieces of a text grapheme: each a base that takes columns plus the marks on it, and their widths. */
function pieces(g: string): Piece[] {
  const out: Piece[] = [];
  for (const ch of g) {
    const w = codePointWidth(ch);
    if (w === DROP) continue;
    const last = out[out.length - 1];
    // A mark on nothing (or on a bare piece) has nothing to show. A vowel sign on nothing (its letter
    // was a control or an invisible character) goes too: printed, it would join the grapheme before it.
    if (w === 0 || ((!last || last.bare) && joinsPrevious(ch))) {
      if (w === 0 && last && !last.bare) last.text += ch;
      continue;
    }
    if (w === BAD) out.push({ text: PLACEHOLDER, width: 1, bare: true });
    else if (REGIONAL.test(ch)) out.push({ text: regionalLetter(ch), width: 1, bare: false });
    else if (LINE_SEPARATOR.test(ch)) out.push({ text: ' ', width: 1, bare: false });
    else out.push({ text: ch, width: w, bare: PICTOGRAPHIC.test(ch) });
  }
  return out;
}

const dropInvisible = (g: string): string => {
  let out = '';
  for (const ch of g) if (!dropped(ch)) out += ch;
  return out;
};

/**
 * Pieces joined into graphemes Ink places (max(1, string-width 8) cells, ink/build/output.js) at the
 * width terminals draw: a piece joins the grapheme before it when the two make one grapheme of the same
 * width; where they would make one of another width (a conjunct, क्ष: one column to Ink, two to a
 * terminal, which does not shape), a ZWNJ after the first ends its grapheme there. Null when neither works.
 */
function assemble(parts: Piece[]): string[] | null {
  const out: string[] = [];
  let cur = parts[0]!.text;
  let curWidth = parts[0]!.width;
  // a piece alone can still be placed wider than drawn: string-width counts a second Hangul vowel of
  // ᄀᅶᅡ, terminals do not
  const close = (): boolean => {
    const g = cur.normalize('NFC');
    out.push(g);
    return Math.max(1, stringWidth(g)) === curWidth;
  };
  for (const p of parts.slice(1)) {
    const together = (cur + p.text).normalize('NFC');
    if (graphemes(together).length === 1) {
      if (Math.max(1, stringWidth(together)) === curWidth + p.width) {
        cur = together;
        curWidth += p.width;
        continue;
      }
      if (graphemes(cur + ZWNJ + p.text).length !== 2) return null;
      cur += ZWNJ;
    }
    if (!close()) return null;
    cur = p.text;
    curWidth = p.width;
  }
  return close() ? out : null;
}

/** A text grapheme's stable form: as it is, split where terminals split it, or a placeholder. */
function textForm(g: string): string[] {
  // Composed where Unicode has a composed form (e + U+0301 -> é, as macOS's NFD file names arrive): Ink
  // clips rows with slice-ansi 7, which counts every combining mark as a column, so each mark left costs
  // a column at the end of the row. Invisible characters go first: one between a letter and its mark
  // would keep them apart.
  const parts = pieces(dropInvisible(g).replace(SARA_AM, (am) => am.normalize('NFKC')).normalize('NFC'));
  if (parts.length === 0) return [];
  const form = assemble(parts) ?? [PLACEHOLDER];
  // a ZWNJ that ends a grapheme after a mark is what keeps a virama from joining the next letter: kept
  const last = form[form.length - 1]!;
  if (g.endsWith(ZWNJ) && !last.endsWith(ZWNJ) && /\p{Mn}$/u.test(last)) form[form.length - 1] = last + ZWNJ;
  return form;
}

/**
 * A grapheme that would join the next one into a single grapheme (ending in a virama, स् + त: one
 * conjunct; a Hangul initial, ᄀ + 가) ends with a ZWNJ, so that it stays apart wherever it lands: next to
 * another string with no escape between them (two unstyled segments of a row), or sanitised again.
 */
function seal(g: string): string {
  if (g.endsWith(ZWNJ) || g.length === 1) return g.length === 1 && HANGUL_INITIAL.test(g) ? g + ZWNJ : g;
  const base = String.fromCodePoint(g.codePointAt(0)!);
  return graphemes(g + base).length === 1 ? g + ZWNJ : g;
}

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 20_000;

/** The stable form of one grapheme: zero or more graphemes, each drawn at Ink's width by every terminal. */
export function stableGrapheme(g: string): string[] {
  const hit = cache.get(g);
  if (hit) return hit;
  const first = String.fromCodePoint(g.codePointAt(0)!);
  const form = (emojiForm(g, first) ?? textForm(g)).map(seal);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(g, form);
  return form;
}
