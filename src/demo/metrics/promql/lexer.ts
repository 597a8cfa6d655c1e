// Splits a PromQL string into tokens, each remembering its offset so errors can name the position.
import { PromqlParseError } from './errors.js';

export type TokenKind =
  | 'number'
  | 'duration'
  | 'string'
  | 'ident'
  | 'op'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** source text for idents/ops/durations; decoded text for strings */
  text: string;
  pos: number;
  /** numeric value for numbers, milliseconds for durations */
  value?: number;
}

const OPERATORS = ['==', '!=', '>=', '<=', '=~', '!~', '+', '-', '*', '/', '%', '^', '>', '<', '='];
const PUNCT = new Set(['(', ')', '{', '}', '[', ']', ',', ':']);
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_:]/;
/** what may not directly follow a number or duration */
const WORD_CHAR = /[A-Za-z0-9_]/;
const DURATION_AT = /(?:\d+(?:ms|s|m|h|d|w|y))+/y;
const NUMBER_AT = /(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (pos: number, msg: string): never => {
    throw new PromqlParseError(pos, msg, input);
  };
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < input.length && input[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (PUNCT.has(c)) {
      tokens.push({ kind: c as TokenKind, text: c, pos: start });
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i++;
      let text = '';
      for (;;) {
        if (i >= input.length) fail(start, 'unterminated quoted string');
        const ch = input[i]!;
        if (ch === c) break;
        if (ch === '\\' && c !== '`') {
          const next = input[i + 1];
          if (next === undefined) fail(i, 'unterminated quoted string');
          if (next === 'x' || next === 'u' || next === 'U') {
            const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
            const hex = input.slice(i + 2, i + 2 + len);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail(i, `invalid escape sequence in string`);
            text += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + len;
            continue;
          }
          const decoded = ESCAPES[next!];
          if (decoded === undefined) fail(i, `unknown escape sequence '\\${next}'`);
          text += decoded;
          i += 2;
          continue;
        }
        if (ch === '\n' && c !== '`') fail(start, 'unterminated quoted string');
        text += ch;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text, pos: start });
      continue;
    }
    if (/[0-9.]/.test(c)) {
      DURATION_AT.lastIndex = i;
      const d = DURATION_AT.exec(input);
      if (d && !WORD_CHAR.test(input[DURATION_AT.lastIndex] ?? ' ')) {
        tokens.push({ kind: 'duration', text: d[0], pos: start });
        i = DURATION_AT.lastIndex;
        continue;
      }
      NUMBER_AT.lastIndex = i;
      const n = NUMBER_AT.exec(input);
      if (!n || WORD_CHAR.test(input[NUMBER_AT.lastIndex] ?? ' ')) fail(start, `bad number or duration syntax: "${input.slice(start, i + 1 + (n?.[0].length ?? 0))}"`);
      tokens.push({ kind: 'number', text: n![0], pos: start, value: Number(n![0]) });
      i = NUMBER_AT.lastIndex;
      continue;
    }
    if (IDENT_START.test(c)) {
      while (i < input.length && IDENT_PART.test(input[i]!)) i++;
      tokens.push({ kind: 'ident', text: input.slice(start, i), pos: start });
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: start });
      i += op.length;
      continue;
    }
    fail(start, `unexpected character: '${c}'`);
  }
  tokens.push({ kind: 'eof', text: '', pos: input.length });
  return tokens;
}
