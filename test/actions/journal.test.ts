// The audit journal alone: each line is written, fsynced and closed before append returns (a crash right
// after an action still leaves its record), a disk that refuses is reported without losing the entry, and
// the file is the user's alone.
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournal, type JournalEntry, type JournalFs } from '../../src/actions/index.js';
import { tempDir } from './harness.js';

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  time: '2024-05-01T12:00:00.000Z',
  user: 'alice',
  context: 'prod-eu',
  namespace: 'production',
  action: 'scale',
  target: 'deployment production/api',
  parameters: { replicas: 3 },
  dryRun: 'server dry run: ok',
  decision: 'confirmed',
  result: 'success',
  error: null,
  ...over,
});

type Op = { op: keyof JournalFs; fd?: number; text?: string };

/** The real file system, with every call the journal makes written down in order. */
function recordingFs(fail: Partial<Record<keyof JournalFs, NodeJS.ErrnoException>> = {}): { fs: JournalFs; ops: Op[] } {
  const ops: Op[] = [];
  const maybeFail = (op: keyof JournalFs) => {
    const err = fail[op];
    if (err) throw err;
  };
  return {
    ops,
    fs: {
      mkdirSync(path, opts) {
        ops.push({ op: 'mkdirSync' });
        maybeFail('mkdirSync');
        return fs.mkdirSync(path, opts);
      },
      openSync(path, flags, mode) {
        maybeFail('openSync');
        const fd = fs.openSync(path, flags, mode);
        ops.push({ op: 'openSync', fd });
        return fd;
      },
      writeSync(fd, text) {
        ops.push({ op: 'writeSync', fd, text });
        maybeFail('writeSync');
        return fs.writeSync(fd, text);
      },
      fsyncSync(fd) {
        ops.push({ op: 'fsyncSync', fd });
        maybeFail('fsyncSync');
        fs.fsyncSync(fd);
      },
      closeSync(fd) {
        ops.push({ op: 'closeSync', fd });
        fs.closeSync(fd);
      },
    },
  };
}

const errno = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${message}`), { code });
const readLines = (path: string): unknown[] => fs.readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('journal', () => {
  it('writes the line, fsyncs and closes the file before append returns', () => {
    const path = join(tempDir(), 'state', 'audit.jsonl');
    const rec = recordingFs();
    const journal = createJournal(path, rec.fs);
    const e = entry();
    expect(journal.append(e)).toBeNull();

    expect(rec.ops.map((o) => o.op)).toEqual(['mkdirSync', 'openSync', 'writeSync', 'fsyncSync', 'closeSync']);
    const fd = rec.ops[1]!.fd;
    // the same descriptor is written, synced and closed: the sync covers the line just written
    expect(rec.ops.slice(2).map((o) => o.fd)).toEqual([fd, fd, fd]);
    expect(rec.ops[2]!.text).toBe(`${JSON.stringify(e)}\n`);
    expect(fs.readFileSync(path, 'utf8')).toBe(`${JSON.stringify(e)}\n`);
  });

  it('appends to what is there, one JSON line each, file 0600 in a directory 0700', () => {
    const path = join(tempDir(), 'nested', 'state', 'audit.jsonl');
    const first = createJournal(path);
    expect(first.append(entry({ decision: 'cancelled', result: null }))).toBeNull();
    // a later session appends to the same file instead of replacing it
    const second = createJournal(path);
    expect(second.append(entry({ decision: 'refused', result: 'error', error: 'forbidden' }))).toBeNull();

    expect(readLines(path)).toEqual([entry({ decision: 'cancelled', result: null }), entry({ decision: 'refused', result: 'error', error: 'forbidden' })]);
    expect(second.entries()).toEqual([entry({ decision: 'refused', result: 'error', error: 'forbidden' })]);
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it('reports a failing fsync, still closes the file and keeps the entry in memory', () => {
    const path = join(tempDir(), 'audit.jsonl');
    const rec = recordingFs({ fsyncSync: errno('EIO', 'i/o error, fsync') });
    const journal = createJournal(path, rec.fs);
    const e = entry();

    expect(journal.append(e)).toBe('EIO: i/o error, fsync');
    expect(rec.ops.map((o) => o.op)).toEqual(['mkdirSync', 'openSync', 'writeSync', 'fsyncSync', 'closeSync']);
    expect(journal.entries()).toEqual([e]);
  });

  it('reports a directory it cannot create and opens nothing', () => {
    const rec = recordingFs({ mkdirSync: errno('EACCES', 'permission denied, mkdir') });
    const journal = createJournal(join(tempDir(), 'locked', 'audit.jsonl'), rec.fs);
    expect(journal.append(entry())).toBe('EACCES: permission denied, mkdir');
    expect(rec.ops.map((o) => o.op)).toEqual(['mkdirSync']);
    expect(journal.entries()).toHaveLength(1);
  });

  it('hands out copies: changing a returned entry does not change the record', () => {
    const journal = createJournal(join(tempDir(), 'audit.jsonl'));
    journal.append(entry());
    const [copy] = journal.entries();
    copy!.parameters.replicas = 99;
    copy!.user = 'mallory';
    expect(journal.entries()).toEqual([entry()]);
  });
});
