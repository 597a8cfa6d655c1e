// A small LogQL parser for log queries: a stream selector `{a="x", b=~"y"}` followed by line filters
// (|= != |~ !~, with `or` alternatives), the json and logfmt parsers, and label filters on what they
// extract. Errors read like Loki's ("parse error at line 1, col 7: syntax error: ...").
import { compileMatcher, goRegex, matchesValue, type LabelMatcher, type MatchType } from '../alerts/matchers.js';

export type LineOp = '|=' | '!=' | '|~' | '!~';

export type Stage =
  | { kind: 'line'; op: LineOp; values: string[]; res: RegExp[] }
  | { kind: 'json' }
  | { kind: 'logfmt' }
  | { kind: 'label'; matcher: LabelMatcher };

export interface LogQuery {
  selector: LabelMatcher[];
  stages: Stage[];
}

export class LogQLParseError extends Error {}

type TokenKind = 'IDENTIFIER' | 'STRING' | 'PUNCT' | '$end';
interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  col: number;
}

const PUNCTS = ['|=', '|~', '!=', '!~', '=~', '{', '}', ',', '=', '|'];

function unquote(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, -1);
  return JSON.parse(raw) as string;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (col: number, msg: string): never => {
    throw new LogQLParseError(`parse error at line ${line}, col ${col}: ${msg}`);
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const col = i - lineStart + 1;
    if (ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== ch) j += ch === '"' && src[j] === '\\' ? 2 : 1;
      if (j >= src.length) fail(col, 'literal not terminated');
      const raw = src.slice(i, j + 1);
      let text = '';
      try {
        text = unquote(raw);
      } catch {
        fail(col, `invalid char escape in ${raw}`);
      }
      tokens.push({ kind: 'STRING', text, line, col });
      i = j + 1;
      continue;
    }
    const ident = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(src.slice(i));
    if (ident) {
      tokens.push({ kind: 'IDENTIFIER', text: ident[0], line, col });
      i += ident[0].length;
      continue;
    }
    const p = PUNCTS.find((x) => src.startsWith(x, i));
    if (!p) fail(col, `syntax error: unexpected character "${ch}"`);
    tokens.push({ kind: 'PUNCT', text: p!, line, col });
    i += p!.length;
  }
  tokens.push({ kind: '$end', text: '', line, col: src.length - lineStart + 1 });
  return tokens;
}

const describe = (t: Token): string => (t.kind === 'PUNCT' ? t.text : t.kind);

const EMPTY_COMPATIBLE =
  'parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. ' +
  'For instance, app=~".*" does not meet this requirement, but app=~".+" will';

export function parseLogQL(src: string): LogQuery {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const fail = (t: Token, expecting?: string): never => {
    throw new LogQLParseError(
      `parse error at line ${t.line}, col ${t.col}: syntax error: unexpected ${describe(t)}${expecting ? `, expecting ${expecting}` : ''}`,
    );
  };
  const expectPunct = (text: string): Token => {
    const t = next();
    if (t.kind !== 'PUNCT' || t.text !== text) fail(t, text);
    return t;
  };
  const expectString = (): string => {
    const t = next();
    if (t.kind !== 'STRING') fail(t, 'STRING');
    return t.text;
  };
  const matcherOp = (): MatchType => {
    const t = next();
    if (t.kind !== 'PUNCT' || !['=', '!=', '=~', '!~'].includes(t.text)) fail(t, '= or != or =~ or !~');
    return t.text as MatchType;
  };
  const matcher = (name: Token): LabelMatcher => {
    const op = matcherOp();
    const valueTok = peek();
    const value = expectString();
    try {
      return compileMatcher(name.text, op, value);
    } catch (err) {
      throw new LogQLParseError(`parse error at line ${valueTok.line}, col ${valueTok.col}: error parsing regexp: ${(err as Error).message}`);
    }
  };

  expectPunct('{');
  const selector: LabelMatcher[] = [];
  for (;;) {
    const t = next();
    if (t.kind === 'PUNCT' && t.text === '}' && selector.length > 0) break;
    if (t.kind !== 'IDENTIFIER') fail(t, 'IDENTIFIER');
    selector.push(matcher(t));
    const sep = next();
    if (sep.kind === 'PUNCT' && sep.text === '}') break;
    if (sep.kind !== 'PUNCT' || sep.text !== ',') fail(sep, ', or }');
  }
  if (!selector.some((m) => (m.type === '=' || m.type === '=~') && !matchesValue(m, ''))) throw new LogQLParseError(EMPTY_COMPATIBLE);

  const stages: Stage[] = [];
  while (peek().kind !== '$end') {
    const t = next();
    if (t.kind === 'PUNCT' && ['|=', '!=', '|~', '!~'].includes(t.text)) {
      const op = t.text as LineOp;
      const values = [expectString()];
      while (peek().kind === 'IDENTIFIER' && peek().text === 'or') {
        next();
        values.push(expectString());
      }
      let res: RegExp[] = [];
      if (op === '|~' || op === '!~') {
        try {
          res = values.map((v) => goRegex(v, false));
        } catch (err) {
          throw new LogQLParseError(`parse error at line ${t.line}, col ${t.col}: error parsing regexp: ${(err as Error).message}`);
        }
      }
      stages.push({ kind: 'line', op, values, res });
      continue;
    }
    if (t.kind === 'PUNCT' && t.text === '|') {
      const name = next();
      if (name.kind !== 'IDENTIFIER') fail(name, 'IDENTIFIER');
      if (name.text === 'json' || name.text === 'logfmt') {
        stages.push({ kind: name.text });
        continue;
      }
      stages.push({ kind: 'label', matcher: matcher(name) });
      continue;
    }
    fail(t);
  }
  return { selector, stages };
}
