// Runs inside a tmux pane (see terminal.ts): writes each text of argv[2] (a JSON array) at the start of a
// line, asks for the cursor position (CSI 6n) and records the column tmux reports, into argv[3].
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
process.stdin.setRawMode(true);
let pending = '';
const column = () =>
  new Promise((resolve) => {
    const onData = (chunk) => {
      pending += chunk.toString('latin1');
      const m = /\u001b\[(\d+);(\d+)R/.exec(pending);
      if (!m) return;
      pending = pending.slice(m.index + m[0].length);
      process.stdin.off('data', onData);
      resolve(Number(m[2]) - 1);
    };
    process.stdin.on('data', onData);
    process.stdout.write('\u001b[6n');
  });
const out = [];
for (const t of texts) {
  process.stdout.write(`\r\u001b[2K${t}`);
  out.push(await column());
}
// written aside and renamed: the test waits for the file to exist, so it must appear complete
writeFileSync(`${process.argv[3]}.tmp`, JSON.stringify(out));
renameSync(`${process.argv[3]}.tmp`, process.argv[3]);
process.exit(0);
