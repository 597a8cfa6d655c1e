// The config file's shape. Every key is optional so that a partial file (or none) still starts the app;
// unknown keys are errors because a typo like `promethus:` would otherwise silently disable a pane.
import { z } from 'zod';
import { parseDuration } from '../lib/duration.js';
import { keymapSchema, keysSchema } from './keys.js';

export const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

const isRegex = (text: string): boolean => {
  try {
    new RegExp(text, 'i');
    return true;
  } catch {
    return false;
  }
};

const httpUrl = z.string().refine(isHttpUrl, { message: 'must be an http(s) URL' });
const duration = z.string().refine((t) => (parseDuration(t) ?? 0) > 0, {
  message: 'must be a positive duration such as "500ms", "5s", "2m" or "1m30s"',
});
const window = z.string().regex(/^\d+[smhdwy]$/, { message: 'must be a PromQL range such as "5m" or "30d"' });
const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

const timing = { interval: duration.optional(), timeout: duration.optional() };

const sloEntry = z.strictObject({
  id: nonEmpty.optional(),
  name: nonEmpty.optional(),
  unit: z.enum(['percent', 'seconds', 'rps']).optional(),
  query: nonEmpty.optional(),
  target: z.number().finite().optional(),
  comparator: z.enum(['>=', '<=']).optional(),
  errorRatioQuery: nonEmpty.optional(),
  objective: z.number().gt(0, { message: 'must be between 0 and 1 (exclusive)' }).lt(1, { message: 'must be between 0 and 1 (exclusive)' }).optional(),
  window: window.optional(),
  burnWindow: window.optional(),
  budgetWindow: window.optional(),
});
export type SloEntry = z.infer<typeof sloEntry>;

const endpoints = z.array(httpUrl).min(1, { message: 'must list at least one endpoint' });

export const configSchema = z.strictObject({
  kubernetes: z
    .strictObject({
      kubeconfig: nonEmpty.optional(),
      context: nonEmpty.optional(),
      namespace: nonEmpty.optional(),
      ...timing,
    })
    .optional(),
  prometheus: z.strictObject({ url: httpUrl.optional(), ...timing }).optional(),
  alertmanager: z.strictObject({ url: httpUrl.optional(), ...timing }).optional(),
  loki: z.strictObject({ url: httpUrl.optional(), errorQuery: nonEmpty.optional(), ...timing }).optional(),
  consensus: z
    .strictObject({
      etcd: z.strictObject({ endpoints }).optional(),
      http: z.strictObject({ endpoints }).optional(),
      ...timing,
    })
    .refine((c) => !(c.etcd && c.http), { message: 'set either etcd or http, not both' })
    .optional(),
  slos: z.array(sloEntry).optional(),
  latency: z
    .strictObject({
      p50: nonEmpty.optional(),
      p95: nonEmpty.optional(),
      p99: nonEmpty.optional(),
      rangeSeconds: z.number().int().positive().optional(),
      stepSeconds: z.number().int().positive().optional(),
      thresholdSeconds: z.number().positive().optional(),
    })
    .optional(),
  logs: z
    .strictObject({
      capacity: z.number().int().min(100, { message: 'must be at least 100' }).max(1_000_000).optional(),
      tailLines: z.number().int().min(0).max(100_000).optional(),
    })
    .optional(),
  readOnly: z.boolean().optional(),
  lowBandwidth: z.boolean().optional(),
  ascii: z.boolean().optional(),
  audit: z.strictObject({ path: nonEmpty.optional() }).optional(),
  production: z
    .strictObject({
      pattern: z
        .string()
        .refine(isRegex, { message: 'must be a valid regular expression' })
        .optional(),
    })
    .optional(),
  user: nonEmpty.optional(),
  keymap: keymapSchema.optional(),
  keys: keysSchema.optional(),
});
export type RawConfig = z.infer<typeof configSchema>;
