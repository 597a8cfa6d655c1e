// Terminal cell arithmetic for fitting text into columns. Every string a view prints goes through
// fit/clip, which also strips control bytes: state is sanitised upstream, this is the second lock.
import { sanitizeLine } from '../src/text/sanitize.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** Text made safe to print on one line. */
export const clean = (s: string): string => (UNSAFE.test(s) ? sanitizeLine(s) : s);

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x200d
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const charWidth = (ch: string): number => {
  const cp = ch.codePointAt(0) ?? 0;
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
};

/** Columns the string occupies in a terminal. */
export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** At most `width` columns; an ellipsis marks what was cut. */
export function clip(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * At most `width` columns, cut in the middle: generated names (pods, ReplicaSets) differ only in their
 * tail, so `hive-mind-rust-7d4…-x2kq9` keeps what tells two pods apart.
 */
export function clipMiddle(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  const chars = [...text];
  const tail = Math.min(chars.length, Math.max(1, Math.floor((width - 1) * 0.45)));
  const tailText = chars.slice(-tail).join('');
  return `${clip(chars.slice(0, -tail).join(''), width - cellWidth(tailText))}${tailText}`;
}

/** Exactly `width` columns: clipped, then padded (right-aligned when asked). */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left', cut: 'end' | 'middle' = 'end'): string {
  const text = cut === 'middle' ? clipMiddle(s, width) : clip(s, width);
  const pad = ' '.repeat(Math.max(0, width - cellWidth(text)));
  return align === 'right' ? pad + text : text + pad;
}
