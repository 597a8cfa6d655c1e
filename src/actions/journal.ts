// The audit journal: one JSON line per attempted action, appended and fsynced before the result is shown,
// so a crash right after an action still leaves its record. Private to the user (dir 0700, file 0600).
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JournalEntry } from '../state/actions.js';

export interface Journal {
  /** Record an entry; returns why it could not be written to disk, or null. It is kept in memory either way. */
  append(entry: JournalEntry): string | null;
  entries(): JournalEntry[];
  readonly path: string;
}

export function createJournal(path: string): Journal {
  const session: JournalEntry[] = [];
  return {
    path,
    entries: () => session.map((e) => ({ ...e, parameters: { ...e.parameters } })),
    append(entry) {
      session.push(entry);
      let fd: number | null = null;
      try {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        fd = openSync(path, 'a', 0o600);
        writeSync(fd, `${JSON.stringify(entry)}\n`);
        fsyncSync(fd);
        return null;
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        return `${e.code ?? 'error'}: ${e.message}`;
      } finally {
        if (fd !== null) {
          try {
            closeSync(fd);
          } catch {
            // the line is written and synced; a failing close changes nothing for the reader
          }
        }
      }
    },
  };
}
