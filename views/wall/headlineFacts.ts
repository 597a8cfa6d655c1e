// The right-hand column of the wall's band: one labelled line per fact of the headline, each with the
// priority it keeps when the band is too short for all of them. A fact from a stale source is drawn muted
// with its age, so a frozen number never looks live.
import type { Headline, HeadlineLevel, SourceFreshness } from '../../src/runtime/headline.js';
import type { SourceKey } from '../../src/state/types.js';
import { formatSince } from '../../src/lib/duration.js';
import { formatClock, formatSloValue } from '../format.js';
import { sloBadge, type Tone } from '../theme/glyphs.js';
import type { BandLine, BandSegment } from './segments.js';

export const LEVEL_TONE: Record<HeadlineLevel, Tone> = { OK: 'ok', DEGRADED: 'warning', CRITICAL: 'danger', STALE: 'info' };

/** What the on-call knows each source as. */
const BACKEND: Record<SourceKey, string> = {
  kube: 'kubernetes',
  slos: 'prometheus',
  latency: 'prometheus',
  alerts: 'alertmanager',
  consensus: 'consensus',
  logs: 'logs',
  logErrors: 'loki',
};

export interface Fact {
  /** 0 is kept first when rows run out */
  priority: number;
  label: string;
  labelTone?: Tone;
  body: BandSegment[];
}

export const LABEL_WIDTH = 11;

const sepOf = (ascii: boolean) => (ascii ? ' | ' : ' · ');

/** "prometheus 2m old, kubernetes no answer for 40s": one entry per backend, the oldest first. */
export function staleText(stale: readonly SourceFreshness[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of stale) {
    const name = BACKEND[f.key];
    if (seen.has(name)) continue;
    seen.add(name);
    parts.push(f.waiting ? `${name} no answer for ${formatSince(f.ageMs)}` : `${name} ${formatSince(f.ageMs)} old`);
  }
  return parts.join(', ');
}

/** Mutes a stale fact and says how old it is. */
function aged(body: BandSegment[], h: Headline, key: SourceKey, stale: boolean): BandSegment[] {
  if (!stale) return body;
  const age = h.staleSources.find((f) => f.key === key)?.ageMs ?? 0;
  return [...body.map((s) => ({ ...s, tone: 'muted' as const, bold: false })), { text: ` (${formatSince(age)} old)`, tone: 'muted' }];
}

function sloFact(h: Headline, ascii: boolean): Fact | null {
  const w = h.worstSlo;
  if (!w) return null;
  const { slo } = w;
  let body: BandSegment[];
  if (slo.status === 'critical' || slo.status === 'warning') {
    const b = sloBadge(slo.status);
    body = [
      { text: slo.name, bold: true },
      { text: ` ${formatSloValue(slo.unit, slo.value)} ` },
      { text: ascii ? b.word : `${b.glyph} ${b.word}`, tone: b.tone, bold: true },
    ];
    if (w.breaching > 1) body.push({ text: ` (+${w.breaching - 1})`, tone: 'muted' });
  } else if (slo.status === 'ok') {
    body = [{ text: `none breached of ${w.total}`, tone: 'ok' }];
  } else {
    body = [{ text: 'no data', tone: 'muted' }];
  }
  return { priority: 3, label: slo.status === 'ok' || slo.status === 'unknown' ? 'SLOs' : 'worst SLO', body: aged(body, h, 'slos', w.stale) };
}

function alertsFact(h: Headline, ascii: boolean): Fact | null {
  const f = h.firing;
  if (!f) return null;
  const parts: BandSegment[] = [];
  if (f.critical) parts.push({ text: `${f.critical} critical`, tone: 'danger', bold: true });
  if (f.critical && f.warning) parts.push({ text: sepOf(ascii) });
  if (f.warning) parts.push({ text: `${f.warning} warning`, tone: 'warning', bold: true });
  const body: BandSegment[] = parts.length ? [...parts, { text: ' firing' }] : [{ text: 'none firing', tone: 'ok' }];
  return { priority: 2, label: 'alerts', body: aged(body, h, 'alerts', f.stale) };
}

function leaderFact(h: Headline, ascii: boolean): Fact | null {
  const l = h.leader;
  if (!l) return null;
  const sep = sepOf(ascii);
  const body: BandSegment[] = [l.name === null ? { text: 'NONE', tone: 'danger', bold: true } : { text: l.name, bold: true }];
  if (l.term !== null) body.push({ text: `${sep}term ${l.term}` });
  if (!l.hasQuorum) body.push({ text: sep }, { text: 'quorum LOST', tone: 'danger', bold: true });
  else if (l.unhealthy) body.push({ text: sep }, { text: `${l.unhealthy}/${l.members} unhealthy`, tone: 'warning' });
  return { priority: 4, label: 'leader', body: aged(body, h, 'consensus', l.stale) };
}

function podsFact(h: Headline): Fact | null {
  const p = h.pods;
  if (!p) return null;
  const body: BandSegment[] = p.failing
    ? [{ text: `${p.failing} of ${p.total} failing`, tone: 'danger', bold: true }]
    : [{ text: `${p.total} pods, none failing`, tone: 'ok' }];
  return { priority: 5, label: 'pods', body: aged(body, h, 'kube', p.stale) };
}

function dataFact(h: Headline): Fact {
  if (h.staleSources.length) {
    return { priority: 0, label: 'STALE', labelTone: 'danger', body: [{ text: staleText(h.staleSources), tone: 'danger', bold: true }] };
  }
  if (h.dataAgeMs === null) return { priority: 0, label: 'data', body: [{ text: 'no sources configured', tone: 'muted' }] };
  return { priority: 0, label: 'data', body: [{ text: `${formatSince(h.dataAgeMs)} old`, tone: 'muted' }] };
}

function lastKnownFact(h: Headline, ascii: boolean): Fact | null {
  if (h.level !== 'STALE') return null;
  const body: BandSegment[] = [{ text: h.lastKnown, tone: LEVEL_TONE[h.lastKnown], bold: true }];
  if (h.reasons[0]) body.push({ text: `${sepOf(ascii)}${h.reasons[0]}`, tone: 'muted' });
  return { priority: 1, label: 'last known', body };
}

/** Every fact the headline has, in the order they are drawn (top to bottom). */
export function headlineFacts(h: Headline, ascii: boolean): Fact[] {
  const clock: Fact = { priority: 6, label: 'clock', body: [{ text: `${formatClock(h.now)} UTC`, bold: true }] };
  const all = [sloFact(h, ascii), alertsFact(h, ascii), leaderFact(h, ascii), podsFact(h), clock, dataFact(h), lastKnownFact(h, ascii)];
  return all.filter((f): f is Fact => f !== null);
}

/** The `n` most important facts, still in drawing order. */
export function pickFacts(facts: readonly Fact[], n: number): Fact[] {
  const keep = new Set([...facts].sort((a, b) => a.priority - b.priority).slice(0, Math.max(0, n)));
  return facts.filter((f) => keep.has(f));
}

/** A fact as one line: the label in its column, then the body. */
export const factLine = (f: Fact): BandLine => [
  { text: f.label.padEnd(LABEL_WIDTH), tone: f.labelTone ?? 'muted', bold: f.labelTone !== undefined },
  ...f.body,
];
