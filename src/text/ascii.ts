// The ASCII form of a frame, for terminals whose locale is not UTF-8 (`--ascii`, or automatically).
// Applied once, at the output boundary, so nothing outside ASCII can reach such a terminal whatever a view
// or a log line holds. Every grapheme keeps its width: a wide character becomes as many "?" as it has
// columns, so the layout Ink computed stays true and pane borders stay straight.
import stringWidth from 'string-width';
import { graphemes } from './graphemes.js';

// Box drawing, blocks and the views' status glyphs, each to the ASCII character closest in look.
const TABLE: Record<string, string> = {};
const put = (chars: string, to: string) => {
  for (const c of chars) TABLE[c] = to;
};
put('─━┄┅┈┉╌╍═╼╾', '-');
put('│┃┆┇┊┋╎╏║╽╿', '|');
put('┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫', '+');
put('╭╮╯╰', '+');
put('╱', '/');
put('╲', '\\');
put('╳', 'X');
put('▁▂', '_');
put('▃▄', '.');
put('▅▆', ':');
put('▇█▉▊▋▌▍▎▏▐▀▔▕▖▗▘▙▚▛▜▝▞▟■□▪▫', '#');
put('░', '.');
put('▒', ':');
put('▓', '#');
put('✖✗✘×', 'x');
put('✔✓√', 'v');
put('●•◉⬤', '*');
put('○◌◯◦', 'o');
put('▲△▴▵⚠', '^');
put('▼▽▾▿', 'v');
put('▶▷▸▹►→⟶⇒', '>');
put('◀◁◂◃◄←⟵⇐', '<');
put('↑⇑', '^');
put('↓⇓', 'v');
put('·∙⋅', '.');
put('…⋯', '.');
put('–—―', '-');
put('‘’‚′', "'");
put('“”„″', '"');
put('«‹', '<');
put('»›', '>');
put('≤', '<');
put('≥', '>');
put('≈∼', '~');
put('±', '+');
put('°', 'o');
put('µ', 'u');
put('\u00a0', ' ');
// spinners (dots and the like)
put('⠁⠂⠃⠄⠅⠆⠇⠈⠉⠊⠋⠌⠍⠎⠏⠐⠑⠒⠓⠔⠕⠖⠗⠘⠙⠚⠛⠜⠝⠞⠟⠠⠡⠢⠣⠤⠥⠦⠧⠨⠩⠪⠫⠬⠭⠮⠯⠰⠱⠲⠳⠴⠵⠶⠷⠸⠹⠺⠻⠼⠽⠾⠿⡀⡄⡆⡇⣀⣄⣆⣇⣠⣤⣦⣧⣰⣴⣶⣷⣸⣼⣾⣿⢀⢠⢰⢸⡏⡟⡿⢿⣻⣽', '*');

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

/** The grapheme in ASCII, in as many columns as it takes. */
function asciiGrapheme(g: string): string {
  const mapped = TABLE[g];
  if (mapped !== undefined) return mapped;
  const width = stringWidth(g);
  if (width === 0) return '';
  // a letter with accents keeps its base letter (é -> e); anything else is a placeholder per column
  const base = g.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (width === 1 && /^[\x20-\x7e]$/.test(base)) return base;
  return '?'.repeat(width);
}

/** `text` with every character outside ASCII replaced, column for column; escape sequences pass untouched. */
export function toAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  // only the runs outside ASCII are segmented: a frame is mostly ASCII, and a mark on an ASCII base
  // (e + U+0301) is a run of its own that drops, leaving the base
  return text.replace(NON_ASCII_RUN, (run) => graphemes(run).map(asciiGrapheme).join(''));
}

/** True when the locale the terminal runs in cannot show UTF-8 (LC_ALL, then LC_CTYPE, then LANG). */
export function localeIsAscii(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return !/utf-?8/i.test(locale);
}
