// Status is never shown by colour alone: every tone comes with a glyph and a word.
import type { LogLevel, PodInfo, SloValue } from '../../src/state/types.js';
import { podRank } from '../../src/runtime/selectors.js';
import type { Theme, Colour } from './theme.js';

export type Tone = 'danger' | 'warning' | 'ok' | 'info' | 'muted' | 'none';

export const toneColour = (theme: Theme, tone: Tone): Colour => (tone === 'none' ? undefined : theme[tone]);

export interface Badge {
  glyph: string;
  word: string;
  tone: Tone;
}

export const badgeText = (b: Badge): string => `${b.glyph} ${b.word}`;

export function podBadge(pod: PodInfo): Badge {
  const rank = podRank(pod);
  if (rank === 0) return { glyph: '✖', word: pod.status, tone: 'danger' };
  if (rank === 1) return { glyph: '?', word: pod.status, tone: 'danger' };
  if (rank === 2) return { glyph: '…', word: pod.status, tone: 'warning' };
  if (rank === 3) return { glyph: '◌', word: pod.status, tone: 'muted' };
  if (rank === 4) return { glyph: '▲', word: pod.status, tone: 'warning' };
  if (rank === 6) return { glyph: '✔', word: pod.status, tone: 'muted' };
  return { glyph: '●', word: pod.status, tone: 'ok' };
}

export function severityBadge(severity: string): Badge {
  switch (severity) {
    case 'critical':
      return { glyph: '▲', word: 'critical', tone: 'danger' };
    case 'high':
      return { glyph: '▲', word: 'high', tone: 'danger' };
    case 'warning':
      return { glyph: '△', word: 'warning', tone: 'warning' };
    case 'info':
      return { glyph: 'i', word: 'info', tone: 'info' };
    default:
      return { glyph: '·', word: severity || 'none', tone: 'muted' };
  }
}

export function sloBadge(status: SloValue['status']): Badge {
  switch (status) {
    case 'ok':
      return { glyph: '✔', word: 'ok', tone: 'ok' };
    case 'warning':
      return { glyph: '▲', word: 'warning', tone: 'warning' };
    case 'critical':
      return { glyph: '✖', word: 'critical', tone: 'danger' };
    case 'unknown':
      return { glyph: '?', word: 'no data', tone: 'muted' };
  }
}

export const LEVEL_TAG: Record<LogLevel, { tag: string; tone: Tone }> = {
  error: { tag: 'ERR', tone: 'danger' },
  warn: { tag: 'WRN', tone: 'warning' },
  info: { tag: 'INF', tone: 'none' },
  debug: { tag: 'DBG', tone: 'muted' },
  unknown: { tag: '   ', tone: 'none' },
};
