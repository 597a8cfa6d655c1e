// Untrusted text (log lines, labels, annotations, alert text, API error messages) must never reach the
// terminal with control bytes in it: an OSC can retitle the window or write the clipboard (OSC 52), a CSI
// can move the cursor and forge other panes (CVE-2021-25743). Nor may it hold a grapheme that terminals
// draw at another width than Ink places it at: that moves every border to its right (graphemes.ts).
// Everything shown passes through here: sources call sanitizeLine, the views' rows call clean.
import { isPlainAscii, showControls } from './control.js';
import { stripEscapes } from './escapes.js';
import { graphemes } from './graphemes.js';
import { stableParts, type StableText } from './stable-text.js';

const TAB = /\t/g;

/** Any text as one printable line: escapes removed, tabs expanded, controls shown, graphemes stable. */
function printable(text: string, limit: number): StableText {
  return stableParts(showControls(stripEscapes(text).replace(TAB, '    ')), limit);
}

/**
 * One line of untrusted text made safe to print: no escape sequences, no control bytes, tabs expanded,
 * every grapheme in a form terminals agree on; at most `maxLength` graphemes (an ellipsis marks a cut,
 * which never falls inside a grapheme).
 */
export function sanitizeLine(input: string, maxLength = 4096): string {
  // The common case by far (100k log lines): plain printable ASCII that fits is its own safe form.
  if (input.length <= maxLength && isPlainAscii(input)) return input;
  if (maxLength <= 0) return '';
  // Bound the work on a hostile megabyte line before looking at it (a grapheme is rarely more than four
  // code units); the cut is at a code point boundary and is marked even when what is left would fit.
  const bound = maxLength * 4;
  let text = input;
  let bounded = false;
  if (text.length > bound) {
    text = text.slice(0, /[\ud800-\udbff]/.test(text[bound - 1]!) ? bound - 1 : bound);
    bounded = true;
  }
  const out = printable(text.replace(/\r?\n$/, ''), maxLength);
  if (!bounded || out.cut) return out.text;
  return out.graphemes < maxLength ? `${out.text}…` : `${graphemes(out.text).slice(0, maxLength - 1).join('')}…`;
}

/** Sanitise every value (and key) of a label map. */
export function sanitizeLabels(labels: Record<string, string> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!labels) return out;
  for (const [k, v] of Object.entries(labels)) out[sanitizeLine(k, 256)] = sanitizeLine(String(v), 1024);
  return out;
}

/**
 * Any text made safe to print on one line, whatever its length: the views' last lock on every string
 * they draw (state is sanitised at the source; this catches what a view composes or a source missed).
 */
export const clean = (text: string): string => (isPlainAscii(text) ? text : printable(text, Infinity).text);
