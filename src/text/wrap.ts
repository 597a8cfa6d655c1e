// Word wrap for the few texts that are wrapped rather than cut (the modal's messages and lists).
// Not wrap-ansi (9.0.2): it measures with its bundled string-width 7, which counts ✔ and ✖ (the start
// of every dry-run and result line) as two columns and a Devanagari vowel sign as none, so its lines
// come out narrower or wider than the columns Ink then places them in.
import stringWidth from 'string-width';
import { graphemes } from './graphemes.js';
import { clean } from './sanitize.js';
import { cut } from './width.js';

/** Splits text into lines of at most `width` cells, breaking at spaces where it can; the last kept line ends in "…" when lines were dropped. */
export function wrap(text: string, width: number, maxLines = 4): string[] {
  // each word clean on its own too: a mark after a space would otherwise start a word (and a line) bare
  const words = clean(text).split(' ').map(clean);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    let word = w;
    while (stringWidth(word) > width) {
      // a word longer than the line (a URL, an image digest) is cut hard, between graphemes
      const piece = cut(word, width - (cur ? stringWidth(cur) + 1 : 0));
      if (!piece && cur) {
        // no room left on this line: the piece starts the next one
        out.push(cur);
        cur = '';
        continue;
      }
      // at least one grapheme per line, so that a line narrower than a wide character still ends
      const head = piece || graphemes(word)[0]!;
      out.push(cur ? `${cur} ${head}` : head);
      cur = '';
      word = word.slice(head.length);
    }
    if (!cur) cur = word;
    else if (stringWidth(cur) + 1 + stringWidth(word) <= width) cur += ` ${word}`;
    else {
      out.push(cur);
      cur = word;
    }
  }
  if (cur || out.length === 0) out.push(cur);
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  kept[maxLines - 1] = `${cut(kept[maxLines - 1]!, Math.max(0, width - 1))}…`;
  return kept;
}
