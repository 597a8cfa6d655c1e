// How this session draws, from the flags, the config and the terminal it finds: resolved once, before
// anything is drawn.
import { localeIsAscii } from '../text/ascii.js';

/** How the screen is drawn: for a thin link, a wall, a terminal without UTF-8 or colour. */
export interface DisplayFlags {
  lowBandwidth: boolean;
  /** null unless --wall */
  wall: { rotateMs: number; staleAfterMs: number } | null;
  ascii: boolean;
  noColor: boolean;
}

export interface Display {
  ascii: boolean;
  lowBandwidth: boolean;
  wall: DisplayFlags['wall'];
  /** Ink's own full redraw without our framing: the baseline the benchmark measures us against */
  inkStandard: boolean;
}

export function resolveDisplay(flags: DisplayFlags, config: { lowBandwidth: boolean; ascii: boolean | null }, env = process.env): Display {
  return {
    ascii: flags.ascii || (config.ascii ?? localeIsAscii(env)),
    lowBandwidth: flags.lowBandwidth || config.lowBandwidth,
    wall: flags.wall,
    inkStandard: env['HIVE_ONCALL_RENDER'] === 'ink-standard',
  };
}

/** Why the full-screen console cannot run on this stdout (a pipe, a file, TERM=dumb), or null when it can. */
export function noScreenReason(stdout: { isTTY?: boolean }, env = process.env): string | null {
  if (!stdout.isTTY) return 'stdout is not a terminal';
  if (env['TERM'] === 'dumb') return 'TERM=dumb';
  return null;
}

/** --no-color is NO_COLOR=1 for everything loaded after it (our theme, chalk inside Ink). */
export function applyNoColor(flags: Pick<DisplayFlags, 'noColor'>, env = process.env): void {
  if (flags.noColor) env['NO_COLOR'] = '1';
}
