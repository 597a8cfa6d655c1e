// Colours by role. With colour off every role is undefined, and meaning is still carried by the glyphs
// and words in views/theme/glyphs.ts plus bold/inverse/underline, which NO_COLOR allows.

export type Colour = string | undefined;

export interface Theme {
  color: boolean;
  danger: Colour;
  warning: Colour;
  ok: Colour;
  info: Colour;
  muted: Colour;
  accent: Colour;
  /** border of the focused pane */
  focus: Colour;
  /** per-pod colours for log prefixes, stern-style */
  podPalette: Colour[];
  /** asciichart series colours: p50, p95, p99, threshold (ANSI, as asciichart wants them) */
  chart: { p50: Colour; p95: Colour; p99: Colour; threshold: Colour };
}

/** https://no-color.org: present and non-empty disables colour. */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env['NO_COLOR'];
  return v === undefined || v === '';
}

const ANSI = { green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', gray: '\u001b[90m' };

export function createTheme(color: boolean): Theme {
  if (!color) {
    return {
      color: false,
      danger: undefined,
      warning: undefined,
      ok: undefined,
      info: undefined,
      muted: undefined,
      accent: undefined,
      focus: undefined,
      podPalette: [undefined],
      chart: { p50: undefined, p95: undefined, p99: undefined, threshold: undefined },
    };
  }
  return {
    color: true,
    danger: 'red',
    warning: 'yellow',
    ok: 'green',
    info: 'blue',
    muted: 'gray',
    accent: 'cyan',
    focus: 'cyan',
    podPalette: ['cyan', 'magenta', 'blue', 'green', 'yellow', 'cyanBright', 'magentaBright', 'blueBright'],
    chart: { p50: ANSI.green, p95: ANSI.yellow, p99: ANSI.red, threshold: ANSI.gray },
  };
}
