// The one definition of a control character, for every place that must not pass one on: untrusted text
// (shown as a picture instead), typed text (dropped), key names and key input (not printable).
//
// C0 (0x00-0x1f), DEL and C1 (0x80-0x9f) make a terminal act instead of print: 0x1b starts an escape
// sequence, 0x9b is a one-byte CSI, 0x08 moves the cursor back over what was printed. The bidirectional
// controls (embeddings, overrides, isolates, the LRM/RLM/ALM marks) print nothing but reorder what the eye
// reads around them (Trojan Source, CVE-2021-42574): a log line or a typed name never needs one.
const RANGES = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const ANY = new RegExp(`[${RANGES}]`);
const EVERY = new RegExp(`[${RANGES}]`, 'g');
const EVERY_BUT_NEWLINE = new RegExp(`(?!\\n)[${RANGES}]`, 'g');
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const C0_C1 = /[\u0000-\u001f\u007f-\u009f]/g;

const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/** True when `text` is printable ASCII only: the common case, safe and one column a character as it is. */
export const isPlainAscii = (text: string): boolean => PLAIN_ASCII.test(text);

/** True when `text` holds at least one control character (C0, DEL, C1 or a bidirectional control). */
export const hasControl = (text: string): boolean => ANY.test(text);

/** A character (one code point) that prints rather than acts: no C0, DEL, C1 or bidirectional control. */
export const isPrintable = (ch: string): boolean => !ANY.test(ch);

/** Every control character removed (typed text: a pasted newline or a stray ESC is not part of a name). */
export const stripControl = (text: string): string => text.replace(EVERY, '');

/** Every control character but the newline removed (rendered frames keep their rows). */
export const stripControlKeepNewline = (text: string): string => text.replace(EVERY_BUT_NEWLINE, '');

// C0 and DEL have pictures of their own (U+2400-U+2421, one column everywhere); C1 has none, so the
// replacement character stands in for it.
function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/**
 * Untrusted text with its control characters made visible and harmless: C0/DEL/C1 shown as control
 * pictures (a NUL in a log line says something), bidirectional controls removed (they have no picture,
 * and their only effect is to reorder the text around them).
 */
export const showControls = (text: string): string => text.replace(BIDI, '').replace(C0_C1, picture);
