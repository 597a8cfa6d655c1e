// Guess a log line's level the way a human skimming it would: a JSON "level" field, logfmt level=,
// klog's E/W/I prefix, or a level word.
import type { LogLevel } from '../state/types.js';

const WORDS: Record<string, LogLevel> = {
  error: 'error',
  err: 'error',
  fatal: 'error',
  critical: 'error',
  crit: 'error',
  panic: 'error',
  emerg: 'error',
  alert: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  notice: 'info',
  debug: 'debug',
  trace: 'debug',
};

function fromWord(word: unknown): LogLevel | null {
  if (typeof word === 'number') {
    // pino/bunyan numeric levels
    return word >= 50 ? 'error' : word >= 40 ? 'warn' : word >= 30 ? 'info' : 'debug';
  }
  return typeof word === 'string' ? (WORDS[word.trim().toLowerCase()] ?? null) : null;
}

const JSON_KEYS = ['level', 'lvl', 'severity', 'log.level', 'loglevel'];
const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=("?)([A-Za-z]+)\1(?:\s|$)/;
const KLOG = /^([EWIF])\d{4} \d{2}:\d{2}:\d{2}/;
const WORD = /\b(FATAL|PANIC|CRITICAL|ERROR|ERR|WARNING|WARN|INFO|DEBUG|TRACE)\b/;
// PostgreSQL's own severities: "... [57] LOG:  checkpoint complete"
const POSTGRES = /\] (LOG|STATEMENT|DETAIL|HINT|NOTICE|WARNING|ERROR|FATAL|PANIC|DEBUG\d?):  /;
const POSTGRES_LEVEL: Record<string, LogLevel> = { WARNING: 'warn', ERROR: 'error', FATAL: 'error', PANIC: 'error' };
const WORD_ANY_CASE = /\b(fatal|panic|critical|error|warning|warn|info|debug|trace)\b/i;

export function detectLevel(text: string): LogLevel {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const obj = JSON.parse(trimmed) as Record<string, unknown>;
      for (const key of JSON_KEYS) {
        const level = fromWord(obj[key]);
        if (level) return level;
      }
    } catch {
      // not JSON after all: fall through to the text rules
    }
  }
  const logfmt = LOGFMT.exec(trimmed);
  if (logfmt) return fromWord(logfmt[2]) ?? 'unknown';
  const klog = KLOG.exec(trimmed);
  if (klog) return ({ E: 'error', F: 'error', W: 'warn', I: 'info' } as const)[klog[1] as 'E' | 'F' | 'W' | 'I'];
  const pg = POSTGRES.exec(trimmed);
  if (pg) return POSTGRES_LEVEL[pg[1]!] ?? (pg[1]!.startsWith('DEBUG') ? 'debug' : 'info');
  // an upper-case level word is a strong signal; a lower-case one only near the start ("error: ...")
  const upper = WORD.exec(trimmed);
  if (upper) return fromWord(upper[1]) ?? 'unknown';
  const lower = WORD_ANY_CASE.exec(trimmed.slice(0, 40));
  if (lower) return fromWord(lower[1]) ?? 'unknown';
  return 'unknown';
}
