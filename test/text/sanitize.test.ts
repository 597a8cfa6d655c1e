// The sanitiser directly: what a line of untrusted text becomes before it reaches a pane.
import { describe, expect, it } from 'vitest';
import { clean, graphemes, sanitizeLabels, sanitizeLine } from '../../src/text/index.js';

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitizeLine: length', () => {
  it('counts graphemes, so an emoji near the limit is kept whole (it used to be cut in half)', () => {
    expect(sanitizeLine('aaa😀b', 5)).toBe('aaa😀b');
    expect(sanitizeLine('aaa😀bc', 5)).toBe('aaa😀…');
    expect(sanitizeLine('aaaa😀bc', 5)).toBe('aaaa…');
    for (let n = 1; n <= 8; n++) expect(sanitizeLine('ab😀cd😀ef😀', n)).not.toMatch(loneSurrogate);
  });

  it('never cuts a combining mark off its letter', () => {
    const line = 'e\u0301'.repeat(10);
    const out = sanitizeLine(line, 4);
    expect(graphemes(out)).toEqual(['é', 'é', 'é', '…']);
  });

  it('marks a cut made to bound a huge line even when what is left fits', () => {
    const out = sanitizeLine(`${'\u001b[31m'.repeat(200)}tail`, 100);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toContain('\u001b');
  });

  it('leaves plain ASCII that fits untouched and drops the line break at the end', () => {
    const line = 'level=info msg="request handled" path=/api/v1/tasks status=200 duration_ms=41';
    expect(sanitizeLine(line)).toBe(line);
    expect(sanitizeLine(`${line}\r\n`)).toBe(line);
    expect(sanitizeLine('x'.repeat(10), 4)).toBe('xxx…');
  });
});

describe('sanitizeLine: control characters and escapes', () => {
  it('removes escape sequences whole and shows what is left of the control bytes', () => {
    expect(sanitizeLine('\u001b[1;31mERROR\u001b[0m disk \u001b]0;pwned\u0007full\u0000 \u0008\u007f\u0085')).toBe('ERROR disk full␀ ␈␡\ufffd');
  });

  it('expands tabs and shows a newline in the middle', () => {
    expect(sanitizeLine('a\tb\nc')).toBe('a    b␊c');
  });

  it('drops bidirectional controls, so the text reads in the order it is stored (Trojan Source)', () => {
    expect(sanitizeLine('access \u202egranted\u202c \u2067x\u2069 \u200fy')).toBe('access granted x y');
  });
});

describe('sanitizeLine: graphemes terminals draw at different widths', () => {
  const cases: [string, string, string][] = [
    ['skin tone (Ink 2, tmux 4 columns)', 'ZetaEmoji👍🏽', 'ZetaEmoji👍'],
    ['ZWJ family (Ink 2, summing terminals 6)', 'family 👨‍👩‍👧 here', 'family 👨 here'],
    ['VS16 heart (Ink 2, tmux 1)', 'I ❤️ k8s', 'I ❤ k8s'],
    ['flag (two regional indicators)', 'region 🇩🇪', 'region DE'],
    ['keycap', 'press 1️⃣ now', 'press 1 now'],
    ['tag sequence (subdivision flag)', 'team 🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'team 🏴'],
    ['emoji newer than Unicode 14 (tmux draws it 0 wide)', 'shaking 🫨', 'shaking \ufffd'],
    ['private use', 'icon \ue0b0 \u{f0000}', 'icon \ufffd \ufffd'],
    ['unassigned and noncharacters', 'x\u0378y\ufffez', 'x\ufffdy\ufffdz'],
    ['lone surrogate', 'bad\ud800half', 'bad\ufffdhalf'],
    ['zero-width space, word joiner, BOM, soft hyphen, stray VS, Hangul filler', 'a\u200bb\u2060c\ufeffd\u00ade\ufe0ff\u3164g', 'abcdefg'],
    ['stray skin tone and ZWJ', 'x🏽\u200dy', 'xy'],
    ['Devanagari conjunct (Ink 1 column, terminals 2): split with ZWNJ', 'नमस्ते', 'नमस्\u200cते'],
    ['Thai SARA AM (string-width 1, terminals 2): compatibility form', 'กำ', 'ก\u0e4d\u0e32'],
    ['decomposed accents composed', 'cafe\u0301', 'café'],
    ['wide only in recent tables (Tangut)', 'x\u{17000}y', 'x\ufffdy'],
    ['Hangul tone mark (tmux 2, xterm.js 0)', '가\u302e', '가\ufffd'],
  ];
  for (const [what, input, want] of cases) {
    it(what, () => expect(hex(sanitizeLine(input))).toBe(hex(want)));
  }

  it('keeps real text: Cyrillic, Greek, CJK, Hangul, Arabic, Hebrew, combining marks, ambiguous symbols', () => {
    for (const text of ['Ошибка: соединение сброшено', 'Σφάλμα 90°C ±5 © ─│┌', '日本語のログ 中文 ｶﾀｶﾅ ＦＵＬＬ', '한국어 로그', 'مرحبا بالعالم', 'שָׁלוֹם', 'Zalgo z̷̢̛a̵͓͝', 'தமிழ் ಕನ್ನಡ']) {
      expect(sanitizeLine(text)).toBe(text.normalize('NFC'));
    }
  });

  it('keeps wide emoji and the pictographs our own panes draw', () => {
    expect(sanitizeLine('🚀 deployed 🔥 ✔ ok ✖ failed ⚠ warn ▲ ● ★ ☀')).toBe('🚀 deployed 🔥 ✔ ok ✖ failed ⚠ warn ▲ ● ★ ☀');
  });

  it('is its own fixed point (sources sanitise, views clean the result again)', () => {
    for (const [, input] of cases) {
      const once = sanitizeLine(input);
      expect(sanitizeLine(once)).toBe(once);
      expect(clean(once)).toBe(once);
    }
  });
});

describe('sanitizeLabels', () => {
  it('sanitises keys and values and bounds them', () => {
    const out = sanitizeLabels({ 'app\u001b[31m': 'api👍🏽', team: 'x'.repeat(2000) });
    expect(Object.keys(out)).toEqual(['app', 'team']);
    expect(out['app']).toBe('api👍');
    expect(graphemes(out['team']!)).toHaveLength(1024);
    expect(sanitizeLabels(undefined)).toEqual({});
  });
});

describe('clean (the views\' last lock)', () => {
  it('treats any text as sanitizeLine does, without its length limit', () => {
    const long = `${'é'.repeat(5000)}\u001b[2J👍🏽`;
    expect(clean(long)).toBe(`${'é'.repeat(5000)}👍`);
    expect(clean('plain')).toBe('plain');
  });

  it('leaves every glyph the views draw themselves as it is', () => {
    const own = '✔✖⚠▲△●○◌■★↻↑↓←→·…—━┃┏┓┗┛─│┌┐└┘≥≤×▏';
    expect(clean(own)).toBe(own);
  });
});
