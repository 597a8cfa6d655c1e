// Terminal escape sequences, recognised whole so that removing one leaves no debris (a colour code in a
// log line must vanish, not turn into "[31m"). One definition for untrusted text and for rendered frames.
import { stripControlKeepNewline } from './control.js';

// CSI (ESC [ or the one-byte 0x9b) with its parameters; OSC/DCS/SOS/PM/APC strings (7-bit ESC ] P X ^ _
// or their 8-bit C1 forms) up to BEL or ST, or to the end of the text when unterminated (a terminal would
// swallow the rest too); and the two-byte ESC sequences (charset selection, save cursor, reset).
// Not strip-ansi: 7.2 leaves unterminated OSC strings and the 8-bit string forms (0x90 … 0x9c, 0x9d …
// BEL) in place, payload and all, and untrusted text is exactly where those turn up.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
);

/** Every complete (or unterminated) escape sequence removed; lone control bytes are left for the caller. */
export const stripEscapes = (text: string): string => text.replace(ESCAPE_SEQUENCE, '');

/**
 * Plain text promised: escape sequences removed, then every control character except the newline (what
 * `hive-oncall snapshot` prints and what frame tests compare).
 */
export const plainText = (text: string): string => stripControlKeepNewline(stripEscapes(text));
