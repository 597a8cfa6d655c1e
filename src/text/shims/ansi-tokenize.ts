// @alcalzone/ansi-tokenize with a memory, swapped in for Ink's copy in the bundle (scripts/bundle.mjs).
// Ink turns every line of every frame into styled characters on each render, though from one frame to the
// next almost every line is the same text; Ink only reads the characters (ink/build/output.js), so the
// characters of a line are kept and handed out again while the line comes back.
import * as real from '@alcalzone/ansi-tokenize';
import { twoGenerations } from './lru2.js';

export * from '@alcalzone/ansi-tokenize';

type Token = ReturnType<typeof real.tokenize>[number];
type StyledChar = ReturnType<typeof real.styledCharsFromTokens>[number];

// a 250x70 frame has a few hundred distinct lines; each kept line costs ~100 bytes a character
const tokens = twoGenerations<string, Token[]>(250);
const chars = new WeakMap<Token[], StyledChar[]>();

export function tokenize(text: string, endChar?: number): Token[] {
  if (endChar !== undefined) return real.tokenize(text, endChar);
  let t = tokens.get(text);
  if (!t) {
    t = real.tokenize(text);
    tokens.set(text, t);
  }
  return t;
}

export function styledCharsFromTokens(t: Token[]): StyledChar[] {
  let c = chars.get(t);
  if (!c) {
    c = real.styledCharsFromTokens(t);
    chars.set(t, c);
  }
  return c;
}

// Ink joins each row of the frame back into a string from its characters, every frame, though most rows
// are made of the very same character objects as in the frame before (they come from the memo above);
// only the blanks Ink fills a row with (and the second half of a wide character) are new objects each
// frame, and they are compared by value. A row is recognised cell by cell: no hashing, no false hit.
const rows = new WeakMap<object, { chars: StyledChar[]; text: string }[]>();
// a pane's rows all start with the same border character: a key holds up to a screen of rows
const ROWS_PER_KEY = 160;
const BLANK_ROW = {};

const isFresh = (c: StyledChar) => (c.value === ' ' || c.value === '') && c.type === 'char';
const sameChar = (a: StyledChar, b: StyledChar): boolean =>
  a === b || (isFresh(a) && isFresh(b) && a.value === b.value && a.fullWidth === b.fullWidth && (a.styles === b.styles || (a.styles.length === 0 && b.styles.length === 0)));

const sameChars = (a: StyledChar[], b: StyledChar[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameChar(a[i]!, b[i]!)) return false;
  return true;
};

/** The row's first character that is not one of Ink's fresh blanks: what its memo is filed under. */
const keyOf = (row: StyledChar[]): object => row.find((c) => !isFresh(c)) ?? BLANK_ROW;

export function styledCharsToString(row: StyledChar[]): string {
  const key = keyOf(row);
  const known = rows.get(key);
  const hit = known?.find((k) => sameChars(k.chars, row));
  if (hit) return hit.text;
  const text = real.styledCharsToString(row);
  const entry = { chars: row.slice(), text };
  if (!known) rows.set(key, [entry]);
  else {
    known.unshift(entry);
    if (known.length > ROWS_PER_KEY) known.pop();
  }
  return text;
}
