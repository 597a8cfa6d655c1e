// Chunks back into lines, whatever the network did to them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../src/sources/logs/line-splitter.js';

function split(chunks: (string | Buffer)[], ended = true): string[] {
  const s = createLineSplitter();
  const out = chunks.flatMap((c) => s.push(c));
  return ended ? [...out, ...s.end()] : out;
}

describe('line splitter', () => {
  it('joins a line split across chunks', () => {
    expect(split(['2024-05-01T10:00:00Z first li', 'ne\n2024-05-01T10:00:01Z sec', 'ond\n'])).toEqual([
      '2024-05-01T10:00:00Z first line',
      '2024-05-01T10:00:01Z second',
    ]);
  });

  it('holds an unfinished line back until its newline arrives', () => {
    const s = createLineSplitter();
    expect(s.push('one\ntw')).toEqual(['one']);
    expect(s.push('o')).toEqual([]);
    expect(s.push('\n')).toEqual(['two']);
  });

  it('drops the CR of CRLF line ends, also when CR and LF arrive in different chunks', () => {
    expect(split(['a\r\nb\r', '\nc\r\n'])).toEqual(['a', 'b', 'c']);
  });

  it('keeps a CR that is not part of a line end (the sanitiser shows it)', () => {
    expect(split(['progress 10%\rprogress 20%\n'])).toEqual(['progress 10%\rprogress 20%']);
  });

  it('gives the last line at the end of the stream even without a newline', () => {
    expect(split(['a\nlast words'])).toEqual(['a', 'last words']);
    expect(split(['a\nlast words\r'])).toEqual(['a', 'last words']);
  });

  it('gives nothing more at the end when the stream ended on a newline, or was empty', () => {
    expect(split(['a\n'])).toEqual(['a']);
    expect(split([])).toEqual([]);
  });

  it('keeps empty lines as empty strings (the follower decides what to do with them)', () => {
    expect(split(['a\n\nb\n'])).toEqual(['a', '', 'b']);
  });

  it('decodes a UTF-8 character split between two chunks instead of mangling it', () => {
    const bytes = Buffer.from('héllo 👍\n', 'utf8');
    // cut inside the é (2 bytes) and inside the thumbs-up (4 bytes)
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)];
    expect(split(chunks)).toEqual(['héllo 👍']);
  });

  it('a broken stream (no end) never yields its unfinished last line', () => {
    expect(split(['a\nhalf a li'], false)).toEqual(['a']);
  });

  it('yields the same lines however the bytes are cut into chunks', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '👍', ' ', '\r'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), (lines, crlf, cuts) => {
        const text = lines.map((l) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
        const bytes = Buffer.from(text, 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length));
        const expected = text.split('\n').slice(0, -1).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
        expect(split(chunks)).toEqual(expected);
      }),
    );
  });
});
