// The audit journal: one JSON line per attempted action, appended and fsynced before the result is shown,
// so a crash right after an action still leaves its record. Private to the user (dir 0700, file 0600).
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { JournalEntry } from '../state/actions.js';

export interface Journal {
  /** Record an entry; returns why it could not be written to disk, or null. It is kept in memory either way. */
  append(entry: JournalEntry): string | null;
  entries(): JournalEntry[];
  readonly path: string;
}

/** The file operations the journal makes, in the order it makes them; injectable so tests can see each. */
export interface JournalFs {
  mkdirSync(path: string, opts: { recursive: true; mode: number }): unknown;
  openSync(path: string, flags: 'a', mode: number): number;
  writeSync(fd: number, text: string): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
}

const NODE_FS: JournalFs = {
  mkdirSync: (path, opts) => nodeFs.mkdirSync(path, opts),
  openSync: (path, flags, mode) => nodeFs.openSync(path, flags, mode),
  writeSync: (fd, text) => nodeFs.writeSync(fd, text),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
};

export function createJournal(path: string, fs: JournalFs = NODE_FS): Journal {
  const session: JournalEntry[] = [];
  return {
    path,
    entries: () => session.map((e) => ({ ...e, parameters: { ...e.parameters } })),
    append(entry) {
      session.push(entry);
      let fd: number | null = null;
      try {
        fs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        fd = fs.openSync(path, 'a', 0o600);
        fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
        fs.fsyncSync(fd);
        return null;
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        // Node's messages already start with the code ("ENOTDIR: not a directory, mkdir '…'")
        const code = e.code ?? 'error';
        return e.message.startsWith(`${code}:`) ? e.message : `${code}: ${e.message}`;
      } finally {
        if (fd !== null) {
          try {
            fs.closeSync(fd);
          } catch {
            // the line is written and synced; a failing close changes nothing for the reader
          }
        }
      }
    },
  };
}
