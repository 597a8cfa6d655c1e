// A 5x7 dot-matrix font (the classic LED-sign shape) for the wall's headline words and clock: the letters
// of OK, DEGRADED, CRITICAL and STALE, the digits, a colon, a dash and a space. `X` is a lit pixel.
// Narrow glyphs (I, colon, space, dash) are narrower so words keep even spacing.

export const FONT_HEIGHT = 7;

const glyph = (rows: string): string[] => rows.trim().split(/\s+/);

export const FONT: Readonly<Record<string, readonly string[]>> = {
  A: glyph('.XXX. X...X X...X XXXXX X...X X...X X...X'),
  C: glyph('.XXX. X...X X.... X.... X.... X...X .XXX.'),
  D: glyph('XXXX. X...X X...X X...X X...X X...X XXXX.'),
  E: glyph('XXXXX X.... X.... XXXX. X.... X.... XXXXX'),
  G: glyph('.XXX. X...X X.... X.XXX X...X X...X .XXXX'),
  I: glyph('XXX .X. .X. .X. .X. .X. XXX'),
  K: glyph('X...X X..X. X.X.. XX... X.X.. X..X. X...X'),
  L: glyph('X.... X.... X.... X.... X.... X.... XXXXX'),
  O: glyph('.XXX. X...X X...X X...X X...X X...X .XXX.'),
  R: glyph('XXXX. X...X X...X XXXX. X.X.. X..X. X...X'),
  S: glyph('.XXX. X...X X.... .XXX. ....X X...X .XXX.'),
  T: glyph('XXXXX ..X.. ..X.. ..X.. ..X.. ..X.. ..X..'),
  '0': glyph('.XXX. X...X X..XX X.X.X XX..X X...X .XXX.'),
  '1': glyph('..X.. .XX.. ..X.. ..X.. ..X.. ..X.. .XXX.'),
  '2': glyph('.XXX. X...X ....X ...X. ..X.. .X... XXXXX'),
  '3': glyph('XXXXX ...X. ..X.. ...X. ....X X...X .XXX.'),
  '4': glyph('...X. ..XX. .X.X. X..X. XXXXX ...X. ...X.'),
  '5': glyph('XXXXX X.... XXXX. ....X ....X X...X .XXX.'),
  '6': glyph('..XX. .X... X.... XXXX. X...X X...X .XXX.'),
  '7': glyph('XXXXX ....X ...X. ..X.. .X... .X... .X...'),
  '8': glyph('.XXX. X...X X...X .XXX. X...X X...X .XXX.'),
  '9': glyph('.XXX. X...X X...X .XXXX ....X ...X. .XX..'),
  ':': glyph('. . X . X . .'),
  '-': glyph('... ... ... XXX ... ... ...'),
  ' ': glyph('... ... ... ... ... ... ...'),
};
