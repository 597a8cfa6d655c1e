// @alcalzone/ansi-tokenize with a memory, swapped in for Ink's copy in the bundle (scripts/bundle.mjs).
// Ink turns every line of every frame into styled characters on each render, though from one frame to the
// next almost every line is the same text; Ink only reads the characters (ink/build/output.js), so the
// characters of a line are kept and handed out again while the line comes back.
import * as real from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

type Token = ReturnType<typeof real.tokenize>[number];
type StyledChar = ReturnType<typeof real.styledCharsFromTokens>[number];

const MAX_ENTRIES = 4096;
let tokens = new Map<string, Token[]>();
const chars = new WeakMap<Token[], StyledChar[]>();

export function tokenize(text: string, endChar?: number): Token[] {
  if (endChar !== undefined) return real.tokenize(text, endChar);
  let t = tokens.get(text);
  if (!t) {
    t = real.tokenize(text);
    if (tokens.size >= MAX_ENTRIES) tokens = new Map();
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
