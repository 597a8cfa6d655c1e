// The one definition of control characters and escape sequences, as every site uses it: typed text,
// key names, rendered frames.
import { describe, expect, it } from 'vitest';
import { hasControl, isPrintable, plainText, showControls, stripControl, stripEscapes } from '../../src/text/index.js';

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

describe('control characters', () => {
  it('counts C0, DEL, C1 and the bidirectional controls as not printable, and nothing else', () => {
    for (const ch of [...C0, '\u007f', ...C1, ...BIDI]) expect(isPrintable(ch), JSON.stringify(ch)).toBe(false);
    for (const ch of [' ', 'a', '~', '\u00a0', 'é', 'Ж', '日', '👍', '\u200d', '✔', '…']) expect(isPrintable(ch), ch).toBe(true);
    expect(hasControl('ok\u202eevil')).toBe(true);
    expect(hasControl('plain text · ✔')).toBe(false);
  });

  it('strips them all from typed text, newlines and tabs included', () => {
    expect(stripControl('hive\u0000-\u001b[mind\r\n\t\u202e\u0085x')).toBe('hive-[mindx');
  });

  it('shows C0 and DEL as control pictures and C1 as the replacement character, and drops bidi controls', () => {
    expect(showControls('a\u0000b\u0007c\u0008d\u001be\u007ff\u0085g\u009bh\u202ei\n')).toBe('a␀b␇c␈d␛e␡f\ufffdg\ufffdh' + 'i␊');
  });
});

describe('escape sequences', () => {
  it('removes them whole: CSI, one-byte CSI, OSC to BEL or ST, DCS/APC strings, 8-bit strings, two-byte ESC', () => {
    const cases: [string, string][] = [
      ['a\u001b[31mred\u001b[0m', 'ared'],
      ['a\u001b[38;2;10;20;30mrgb', 'argb'],
      ['a\u001b[2J\u001b[1;1Hforged', 'aforged'],
      ['a\u001b[?2004hb', 'ab'],
      ['a\u009b31mb', 'ab'],
      ['clip\u001b]52;c;cm0gLXJmIC8=\u0007board', 'clipboard'],
      ['title\u001b]0;pwned\u001b\\ok', 'titleok'],
      ['link \u001b]8;;https://evil.example\u001b\\text\u001b]8;;\u001b\\ end', 'link text end'],
      ['dcs\u001bPq#0;2;0;0;0\u001b\\end', 'dcsend'],
      ['apc\u001b_payload\u001b\\end', 'apcend'],
      ['c1\u0090payload\u009cend', 'c1end'],
      ['osc8bit\u009d0;pwned\u0007end', 'osc8bitend'],
      ['charset\u001b(Bok', 'charsetok'],
      ['save\u001b7restore\u001b8', 'saverestore'],
      ['reset\u001bcok', 'resetok'],
      // an unterminated string swallows the rest, as a terminal would
      ['before\u001b]0;title never ends', 'before'],
    ];
    for (const [input, want] of cases) expect(stripEscapes(input), JSON.stringify(input)).toBe(want);
  });

  it('gives plain text: escapes and control bytes gone, newlines kept', () => {
    expect(plainText('a\u001b[31mred\u001b[0m\u001b[?25h b\u0007c\nd\te\u202ef')).toBe('ared bc\ndef');
  });
});
