// What a terminal must never receive from a program that displays untrusted text. The program itself writes
// CSI sequences (cursor moves, SGR colours, erase line, synchronized output), so those are not banned as
// such: what is banned is what it never writes (OSC, DCS and the other string sequences, 8-bit C1 controls,
// bidi overrides, a clear-then-home, blinking) and the text hostile backends hide inside their sequences.

/** Text that only ever sits inside a hostile sequence: seen anywhere, a sequence got through. */
const INSIDE_ONLY = 'pwned';

/** Each problem found in `raw` (the bytes a pty received, decoded), as a short name with its context. */
export function hostileProblems(raw: string): string[] {
  const found: string[] = [];
  const show = (i: number) => JSON.stringify(raw.slice(Math.max(0, i - 20), i + 40));
  const check = (name: string, re: RegExp) => {
    const m = re.exec(raw);
    if (m) found.push(`${name} at ${show(m.index)}`);
  };
  check('OSC (title, hyperlink, clipboard)', /\u001b\]/);
  check('DCS, SOS, PM or APC string', /\u001b[PX^_]/);
  check('C1 control', /[\u0080-\u009f]/);
  check('bidi control', /[\u202a-\u202e\u2066-\u2069]/);
  // the console clears the screen itself (home, then clear) when it starts; the hostile payload clears, then homes
  check('hostile screen clear', /\u001b\[2J\u001b\[H/);
  check('terminal reset', /\u001bc/);
  // the hostile colour is a blinking one: the console never blinks
  const blink = blinkAt(raw);
  if (blink >= 0) found.push(`blink at ${show(blink)}`);
  check(`"${INSIDE_ONLY}" (only ever inside a hostile sequence)`, new RegExp(INSIDE_ONLY));
  return found;
}

/** Where an SGR sequence turns blinking on (parameter 5, not the 5 of a 38;5;n colour), or -1. */
function blinkAt(raw: string): number {
  for (const m of raw.matchAll(/\u001b\[([0-9;:]*)m/g)) {
    const params = m[1]!.split(';');
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (p === '38' || p === '48' || p === '58') {
        // extended colour: 5;n (256 colours) or 2;r;g;b
        i += params[i + 1] === '2' ? 4 : 2;
        continue;
      }
      if (p === '5') return m.index;
    }
  }
  return -1;
}
