// Untrusted text (log lines, labels, annotations, alert text, API error messages) must never reach the
// terminal with control bytes in it: an OSC can retitle the window or write the clipboard (OSC 52), a CSI
// can move the cursor and forge other panes (CVE-2021-25743). Everything shown passes through here.

// Complete escape sequences: CSI (ESC [ or 0x9B), OSC/DCS/SOS/PM/APC strings up to BEL or ST, and
// two-byte ESC sequences. Removed whole so that colour codes in logs do not leave debris behind.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
);

// Whatever control character is left (a lone ESC, NUL, backspace, C1) is shown, not obeyed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// Bidirectional overrides reorder what the eye reads (Trojan Source); they carry no meaning in a log line.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** One line of untrusted text made safe to print: no escape sequences, no control bytes, tabs expanded. */
export function sanitizeLine(input: string, maxLength = 4096): string {
  let text = input.length > maxLength * 4 ? input.slice(0, maxLength * 4) : input;
  text = text.replace(/\r?\n$/, '');
  text = text.replace(ESCAPE_SEQUENCE, '').replace(BIDI, '').replace(/\t/g, '    ').replace(CONTROL, picture);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}\u2026` : text;
}

/** Sanitise every value (and key) of a label map. */
export function sanitizeLabels(labels: Record<string, string> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!labels) return out;
  for (const [k, v] of Object.entries(labels)) out[sanitizeLine(k, 256)] = sanitizeLine(String(v), 1024);
  return out;
}
