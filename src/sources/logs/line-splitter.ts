// A log stream arrives in chunks that end wherever the network cut them: mid-line, between the CR and LF
// of a Windows line end, even inside one UTF-8 character. This turns chunks back into whole lines.
import { StringDecoder } from 'node:string_decoder';

export interface LineSplitter {
  /** the lines this chunk completes, without their line ends; an unfinished last line waits for the next */
  push(chunk: Buffer | string): string[];
  /** the stream ended: its last line, if it had no newline */
  end(): string[];
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

export function createLineSplitter(): LineSplitter {
  // keeps the bytes of a character split across chunks until the rest arrives, instead of two U+FFFDs
  const decoder = new StringDecoder('utf8');
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
      partial = lines.pop() ?? '';
      return lines.map(withoutCr);
    },
    end() {
      const last = partial + decoder.end();
      partial = '';
      return last === '' ? [] : [withoutCr(last)];
    },
  };
}
