// Silences as Alertmanager 0.25 keeps them: validated the way its OpenAPI layer and silence store do (with
// their status codes and wording), updated in place only when the matchers are unchanged, expired rather
// than deleted, and matched against alert labels while active.
import { randomUUID } from 'node:crypto';
import type { Rng } from '../contracts.js';
import { compileMatcher, LABEL_NAME, matchesAll, type LabelMatcher } from './matchers.js';

export interface ApiMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface Silence {
  id: string;
  matchers: ApiMatcher[];
  compiled: LabelMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
  updatedAt: number;
}

export type SilenceState = 'active' | 'pending' | 'expired';

/** A refusal with the status and body the real server would send. */
export class SilenceError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

export function silenceState(s: Silence, t: number): SilenceState {
  if (s.endsAt <= t) return 'expired';
  if (s.startsAt > t) return 'pending';
  return 'active';
}

export function toGettableSilence(s: Silence, t: number) {
  return {
    id: s.id,
    status: { state: silenceState(s, t) },
    updatedAt: new Date(s.updatedAt).toISOString(),
    comment: s.comment,
    createdBy: s.createdBy,
    endsAt: new Date(s.endsAt).toISOString(),
    matchers: s.matchers.map((m) => ({ ...m })),
    startsAt: new Date(s.startsAt).toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

// go-openapi's validation errors: HTTP 422 with {code, message}; several at once become one composite.
const REQUIRED = 602;
const INVALID_TYPE = 601;
const MIN_ITEMS = 612;

interface ParsedBody {
  id: string | undefined;
  matchers: ApiMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
}

function parseTime(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  // RFC 3339 only, as strfmt.DateTime insists; Date.parse alone would accept far looser text.
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

function validateSchema(body: unknown): ParsedBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SilenceError(400, { code: 400, message: 'parsing silence body from "" failed, because json: cannot unmarshal into Go value of type models.PostableSilence' });
  }
  const b = body as Record<string, unknown>;
  const errors: { code: number; message: string }[] = [];
  const required = (name: string) => errors.push({ code: REQUIRED, message: `${name} in body is required` });

  for (const field of ['comment', 'createdBy'] as const) {
    if (b[field] === undefined || b[field] === null || b[field] === '') required(field);
    else if (typeof b[field] !== 'string') errors.push({ code: INVALID_TYPE, message: `${field} in body must be of type string: "${typeof b[field]}"` });
  }
  const times: Record<'startsAt' | 'endsAt', number> = { startsAt: 0, endsAt: 0 };
  for (const field of ['endsAt', 'startsAt'] as const) {
    if (b[field] === undefined || b[field] === null) {
      required(field);
      continue;
    }
    const t = parseTime(b[field]);
    if (t === null) errors.push({ code: INVALID_TYPE, message: `${field} in body must be of type date-time: ${JSON.stringify(b[field])}` });
    else times[field] = t;
  }
  const matchers: ApiMatcher[] = [];
  if (b.matchers === undefined || b.matchers === null) required('matchers');
  else if (!Array.isArray(b.matchers)) errors.push({ code: INVALID_TYPE, message: 'matchers in body must be of type array' });
  else if (b.matchers.length === 0) errors.push({ code: MIN_ITEMS, message: 'matchers in body should have at least 1 items' });
  else {
    b.matchers.forEach((raw: unknown, i) => {
      const m = (raw ?? {}) as Record<string, unknown>;
      const at = `matchers.${i}`;
      if (typeof m.name !== 'string') required(`${at}.name`);
      if (typeof m.value !== 'string') required(`${at}.value`);
      if (typeof m.isRegex !== 'boolean') required(`${at}.isRegex`);
      if (m.isEqual !== undefined && typeof m.isEqual !== 'boolean') {
        errors.push({ code: INVALID_TYPE, message: `${at}.isEqual in body must be of type boolean` });
      }
      matchers.push({
        name: String(m.name ?? ''),
        value: String(m.value ?? ''),
        isRegex: m.isRegex === true,
        isEqual: m.isEqual !== false,
      });
    });
  }
  if (b.id !== undefined && b.id !== null && typeof b.id !== 'string') {
    errors.push({ code: INVALID_TYPE, message: 'id in body must be of type string' });
  }
  if (errors.length === 1) throw new SilenceError(422, errors[0]);
  if (errors.length > 1) {
    throw new SilenceError(422, { code: 422, message: `validation failure list:\n${errors.map((e) => e.message).join('\n')}` });
  }
  return {
    id: typeof b.id === 'string' && b.id !== '' ? b.id : undefined,
    matchers,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    createdBy: b.createdBy as string,
    comment: b.comment as string,
  };
}

function compileAll(matchers: ApiMatcher[]): LabelMatcher[] {
  const compiled: LabelMatcher[] = [];
  let allMatchEmpty = true;
  matchers.forEach((m, i) => {
    if (!LABEL_NAME.test(m.name)) throw new SilenceError(400, `invalid silence: invalid label matcher ${i}: invalid label name "${m.name}"`);
    const type = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
    let c: LabelMatcher;
    try {
      c = compileMatcher(m.name, type, m.value);
    } catch (err) {
      throw new SilenceError(400, `invalid silence: invalid label matcher ${i}: invalid regular expression "${m.value}": ${(err as Error).message}`);
    }
    compiled.push(c);
    if (!matchesAll([c], {})) allMatchEmpty = false;
  });
  if (allMatchEmpty) throw new SilenceError(400, 'invalid silence: at least one matcher must not match the empty string');
  return compiled;
}

const MAX_SILENCES = 1000;

const sameMatchers = (a: ApiMatcher[], b: ApiMatcher[]): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface SilenceStore {
  /** POST /api/v2/silences: returns the silence id (a new one when an update could not be done in place). */
  upsert(body: unknown, now: number): string;
  get(id: string): Silence | undefined;
  list(): Silence[];
  /** DELETE /api/v2/silence/{id} */
  expire(id: string, now: number): void;
  /** ids of the silences active at `t` whose matchers all match */
  matching(labels: Record<string, string>, t: number): string[];
}

export function createSilenceStore(rng?: Rng): SilenceStore {
  const silences = new Map<string, Silence>();

  // Alertmanager keeps expired silences for days; a bounded count is enough to show recent history.
  const prune = (now: number): void => {
    if (silences.size < MAX_SILENCES) return;
    const expired = [...silences.values()].filter((s) => silenceState(s, now) === 'expired').sort((a, b) => a.endsAt - b.endsAt);
    for (const s of expired.slice(0, silences.size - MAX_SILENCES + 1)) silences.delete(s.id);
  };

  const newId = (): string => {
    if (!rng) return randomUUID();
    const hex = Array.from({ length: 32 }, () => rng.int(0, 16).toString(16));
    hex[12] = '4';
    hex[16] = ((rng.int(0, 4) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  return {
    upsert(body, now) {
      const p = validateSchema(body);
      if (p.startsAt >= p.endsAt) throw new SilenceError(400, 'Failed to create silence: start time must be before end time');
      if (p.endsAt < now) throw new SilenceError(400, "Failed to create silence: end time can't be in the past");
      const compiled = compileAll(p.matchers);

      if (p.id !== undefined) {
        const prev = silences.get(p.id);
        if (!prev) throw new SilenceError(404, 'silence not found');
        const state = silenceState(prev, now);
        // Alertmanager edits in place only what cannot change which alerts were muted in the past.
        const inPlace =
          sameMatchers(prev.matchers, p.matchers) &&
          ((state === 'active' && p.startsAt === prev.startsAt) || (state === 'pending' && p.startsAt >= now));
        if (inPlace) {
          Object.assign(prev, { endsAt: p.endsAt, startsAt: p.startsAt, createdBy: p.createdBy, comment: p.comment, updatedAt: now });
          return prev.id;
        }
        if (state !== 'expired') this.expire(prev.id, now);
      }
      const id = newId();
      prune(now);
      silences.set(id, {
        id,
        matchers: p.matchers,
        compiled,
        startsAt: Math.max(p.startsAt, now),
        endsAt: p.endsAt,
        createdBy: p.createdBy,
        comment: p.comment,
        updatedAt: now,
      });
      return id;
    },
    get: (id) => silences.get(id),
    list: () => [...silences.values()],
    expire(id, now) {
      const s = silences.get(id);
      if (!s) throw new SilenceError(404, 'silence not found');
      const state = silenceState(s, now);
      if (state === 'expired') throw new SilenceError(500, `silence ${id} already expired`);
      if (state === 'pending') s.startsAt = now;
      s.endsAt = now;
      s.updatedAt = now;
    },
    matching(labels, t) {
      const ids: string[] = [];
      for (const s of silences.values()) {
        if (silenceState(s, t) === 'active' && matchesAll(s.compiled, labels)) ids.push(s.id);
      }
      return ids.sort();
    },
  };
}
