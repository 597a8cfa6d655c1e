// Alertmanager silences: create one on an alert's identifying labels (with a preview of every firing alert
// it would mute), or expire one early. API v2: POST /api/v2/silences, DELETE /api/v2/silence/{id}.
import axios from 'axios';
import { getJson, joinUrl, postJson } from '../sources/http.js';
import { formatDuration } from '../lib/duration.js';
import { sanitizeLabels, sanitizeLine } from '../text/sanitize.js';
import { apiMessage, httpStatus } from './api-error.js';
import { blockedDraft, fail, ok, type Draft, type PrepareOptions } from './draft.js';
import { compileMatchers, defaultMatchers, matcherText } from './silence-matchers.js';
import { DEFAULT_SILENCE_MS, silenceDurationOk, type ActionRequest, type SilenceMatcher } from '../state/actions.js';


export interface AlertmanagerTarget {
  url: string;
  timeoutMs: number;
  /** the kube context, when there is one: the production pattern and the modal name it */
  context: string;
  user: string;
}

interface GettableAlert {
  labels?: Record<string, string>;
  status?: { state?: string; silencedBy?: string[] | null };
}
interface GettableSilence {
  id?: string;
  status?: { state?: string };
  matchers?: SilenceMatcher[];
  createdBy?: string;
  comment?: string;
  endsAt?: string;
}

const ctx = (t: AlertmanagerTarget) => ({ signal: AbortSignal.timeout(t.timeoutMs + 1000), timeoutMs: t.timeoutMs });

export function durationProblem(ms: unknown): string | null {
  return typeof ms === 'number' && silenceDurationOk(ms) ? null : 'the duration must be between 1 minute and 365 days';
}

function alertLine(a: GettableAlert): string {
  const labels = sanitizeLabels(a.labels);
  const { alertname = '(no alertname)', severity, ...rest } = labels;
  const shown = Object.entries(rest)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return sanitizeLine(`${alertname} {${shown}}${severity ? ` (${severity})` : ''}`, 1024);
}

const sameMatchers = (a: readonly SilenceMatcher[], b: readonly SilenceMatcher[]): boolean =>
  a.length === b.length && a.every((m, i) => matcherText(m) === matcherText(b[i]!));

export async function prepareSilenceCreate(am: AlertmanagerTarget, req: ActionRequest, opts: PrepareOptions): Promise<Draft> {
  if (req.target.kind !== 'alert') throw new Error('silence-create needs an alert');
  const matchers = req.params.matchers ?? defaultMatchers(req.target.alertname, req.target.labels);
  const durationMs = req.params.durationMs ?? DEFAULT_SILENCE_MS;
  const params = { ...req.params, matchers, durationMs, comment: req.params.comment ?? '' };
  const base = { context: am.context, cluster: am.url, risk: 'low' as const };
  const compiled = compileMatchers(matchers);
  if ('error' in compiled) return blockedDraft(base, params, compiled.error);

  const firing = (await getJson(joinUrl(am.url, '/api/v2/alerts'), { ...ctx(am), params: { active: true, silenced: false } })) as GettableAlert[];
  const preview = (Array.isArray(firing) ? firing : []).filter((a) => compiled.test(a.labels ?? {})).map(alertLine);
  const comment = params.comment.trim();
  const durationError = durationProblem(durationMs);
  return {
    ...base,
    changes: [
      `matchers: ${matchers.map(matcherText).join(', ')}`,
      `duration ${durationError ? '(invalid)' : formatDuration(durationMs)} from the time of confirmation`,
      comment ? `comment: ${comment}` : 'comment: (required)',
      `created by ${am.user}`,
      `mutes ${preview.length} firing alert${preview.length === 1 ? '' : 's'}`,
    ],
    diff: [],
    preview,
    dryRun: durationError ? { kind: 'pre-check', ok: false, message: durationError } : null,
    params,
    validate(r) {
      if (!sameMatchers(r.params.matchers ?? matchers, matchers)) return 'the matchers changed after the preview: review the new plan';
      const d = r.params.durationMs ?? durationMs;
      if (durationProblem(d)) return durationProblem(d);
      if ((r.params.comment ?? '').trim() === '') return 'a comment is required: say why this alert is silenced';
      return null;
    },
    async apply(r) {
      const start = opts.now();
      const d = r.params.durationMs ?? durationMs;
      const body = {
        matchers,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + d).toISOString(),
        createdBy: am.user,
        comment: (r.params.comment ?? '').trim(),
      };
      try {
        const res = (await postJson(joinUrl(am.url, '/api/v2/silences'), body, ctx(am))) as { silenceID?: string };
        const id = sanitizeLine(String(res?.silenceID ?? '?'), 64);
        return ok(`silence ${id} created for ${formatDuration(d)}: mutes ${preview.length} firing alert${preview.length === 1 ? '' : 's'}`);
      } catch (err) {
        return fail(apiMessage(err));
      }
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export async function prepareSilenceExpire(am: AlertmanagerTarget, req: ActionRequest, _opts: PrepareOptions): Promise<Draft> {
  if (req.target.kind !== 'silence') throw new Error('silence-expire needs a silence');
  const id = req.target.id;
  const base = { context: am.context, cluster: am.url, risk: 'low' as const };
  const path = `/api/v2/silence/${encodeURIComponent(id)}`;
  let silence: GettableSilence;
  try {
    silence = (await getJson(joinUrl(am.url, path), ctx(am))) as GettableSilence;
  } catch (err) {
    return blockedDraft(base, req.params, httpStatus(err) === 404 ? `silence ${sanitizeLine(id, 64)} not found` : apiMessage(err));
  }
  if (silence.status?.state === 'expired') return blockedDraft(base, req.params, `silence ${sanitizeLine(id, 64)} has already expired`);
  const all = (await getJson(joinUrl(am.url, '/api/v2/alerts'), ctx(am))) as GettableAlert[];
  const preview = (Array.isArray(all) ? all : []).filter((a) => (a.status?.silencedBy ?? []).includes(id)).map(alertLine);
  return {
    ...base,
    changes: [
      `expire silence ${id} now${silence.endsAt ? ` (was due to end ${silence.endsAt})` : ''}`,
      `matchers: ${(silence.matchers ?? []).map(matcherText).join(', ')}`,
      `created by ${silence.createdBy ?? '?'}: ${silence.comment ?? ''}`,
      `${preview.length} alert${preview.length === 1 ? '' : 's'} it mutes will notify again`,
    ],
    diff: [],
    preview,
    dryRun: null,
    params: { ...req.params },
    validate: () => null,
    async apply() {
      const url = joinUrl(am.url, path);
      try {
        await axios.delete(url, {
          timeout: am.timeoutMs,
          ...(LOOPBACK.has(new URL(url).hostname) ? { proxy: false as const } : {}),
        });
        return ok(`silence ${id} expired`);
      } catch (err) {
        return fail(httpStatus(err) === 404 ? `silence ${sanitizeLine(id, 64)} not found` : apiMessage(err));
      }
    },
  };
}
