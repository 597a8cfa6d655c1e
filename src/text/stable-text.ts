// A whole text in stable form (graphemes.ts), fast: Intl.Segmenter costs about 40 µs on a 100-character
// line, and log lines come by the hundred thousand. Most code points are a grapheme of their own whatever
// surrounds them (GCB=Other: letters, digits, CJK, symbols); only the stretches around the others (marks,
// vowel signs, joiners, Hangul jamo, regional indicators, prepended letters) are segmented.
import { isPlainAscii } from './control.js';
import { graphemes, joinsPrevious, PREPEND, stableGrapheme } from './graphemes.js';

// Code points whose grapheme boundaries depend on their neighbours (besides what joinsPrevious finds).
const NEIGHBOURLY = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff]$/u;

// What a code point is to the scan below, looked up once per code point: a grapheme of its own next to
// any other such (KEPT when that is its own stable form, ALONE when not), or NEIGHBOURLY.
const KEPT = 1;
const ALONE = 2;
const NEIGHBOURLY_KIND = 3;
let kinds: Uint8Array | null = null;

function kindOf(cp: number): number {
  kinds ??= new Uint8Array(0x110000);
  let kind = kinds[cp]!;
  if (kind === 0) {
    const ch = String.fromCodePoint(cp);
    if (NEIGHBOURLY.test(ch) || PREPEND.test(ch) || joinsPrevious(ch)) kind = NEIGHBOURLY_KIND;
    else {
      const form = stableGrapheme(ch);
      kind = form.length === 1 && form[0] === ch ? KEPT : ALONE;
    }
    kinds[cp] = kind;
  }
  return kind;
}

const isAscii = (cp: number): boolean => cp >= 0x20 && cp <= 0x7e;

/** Result of stableParts: the stable text, how many graphemes it holds, and whether it was cut. */
export interface StableText {
  text: string;
  graphemes: number;
  cut: boolean;
}

const spans = new Map<string, string[]>();
const SPAN_CACHE_LIMIT = 20_000;

/** The stable form of a stretch that Intl.Segmenter must split (the same stretches recur: 👍🏽, नमस्ते). */
function stableSpan(span: string): string[] {
  let form = spans.get(span);
  if (!form) {
    form = graphemes(span).flatMap((g) => (g.length === 1 && isAscii(g.charCodeAt(0)) ? [g] : stableGrapheme(g)));
    if (spans.size >= SPAN_CACHE_LIMIT) spans.clear();
    spans.set(span, form);
  }
  return form;
}

/** Collects graphemes up to a limit; a run of code points that are graphemes of their own is kept as one part. */
class Collector {
  private readonly parts: string[] = [];
  private readonly sizes: number[] = [];
  private count = 0;
  constructor(private readonly limit: number) {}

  /** a run of `size` code points, each a grapheme; false once the limit is passed */
  run(text: string, size: number): boolean {
    this.parts.push(text);
    this.sizes.push(size);
    this.count += size;
    return this.count <= this.limit;
  }

  graphemes(gs: readonly string[]): boolean {
    for (const g of gs) {
      this.parts.push(g);
      this.sizes.push(1);
    }
    this.count += gs.length;
    return this.count <= this.limit;
  }

  result(): StableText {
    if (this.count <= this.limit) return { text: this.parts.join(''), graphemes: this.count, cut: false };
    // over the limit: the first limit - 1 graphemes and the ellipsis
    const keep = Math.max(0, this.limit - 1);
    let kept = 0;
    let text = '';
    for (let k = 0; k < this.parts.length && kept < keep; k++) {
      const take = Math.min(this.sizes[k]!, keep - kept);
      text += take === this.sizes[k] ? this.parts[k]! : Array.from(this.parts[k]!).slice(0, take).join('');
      kept += take;
    }
    return { text: `${text}…`, graphemes: keep + 1, cut: true };
  }
}

/**
 * `text` (no control characters left) with every grapheme in its stable form, at most `limit` graphemes
 * of it (the last one then an ellipsis).
 */
export function stableParts(text: string, limit = Infinity): StableText {
  if (isPlainAscii(text)) {
    if (text.length <= limit) return { text, graphemes: text.length, cut: false };
    return { text: `${text.slice(0, Math.max(0, limit - 1))}…`, graphemes: limit, cut: true };
  }
  const out = new Collector(limit);
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A run of code points that are each a grapheme and their own stable form (ASCII, Cyrillic, CJK…):
    // copied as it is, but for a last one that is the base of what follows (e + U+0301).
    let j = i;
    let size = 0;
    while (j < n) {
      const c = text.codePointAt(j)!;
      const width = c > 0xffff ? 2 : 1;
      if (kindOf(c) !== KEPT || (j + width < n && kindOf(text.codePointAt(j + width)!) === NEIGHBOURLY_KIND)) break;
      j += width;
      size += 1;
    }
    if (j > i) {
      if (!out.run(text.slice(i, j), size)) return out.result();
      i = j;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (kindOf(cp) !== NEIGHBOURLY_KIND && (i + width >= n || kindOf(text.codePointAt(i + width)!) !== NEIGHBOURLY_KIND)) {
      if (!out.graphemes(stableGrapheme(text.slice(i, i + width)))) return out.result();
      i += width;
      continue;
    }
    // the stretch in which boundaries depend on neighbours: up to the first place where two code points
    // that stand alone meet
    j = i + width;
    let prev = cp;
    while (j < n) {
      const c = text.codePointAt(j)!;
      if (kindOf(prev) !== NEIGHBOURLY_KIND && kindOf(c) !== NEIGHBOURLY_KIND) break;
      prev = c;
      j += c > 0xffff ? 2 : 1;
    }
    if (!out.graphemes(stableSpan(text.slice(i, j)))) return out.result();
    i = j;
  }
  return out.result();
}

/** `text` (no control characters left) with every grapheme in its stable form, cut to `limit` graphemes. */
export const stableText = (text: string, limit = Infinity): string => stableParts(text, limit).text;
