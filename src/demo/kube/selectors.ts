// Label and field selectors as the apiserver parses them (`app=web,tier!=db,env in (a,b),!legacy`).
import type { KubeObject } from './store.js';
import { KubeError } from './status.js';

type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

/** Split on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function parseLabelSelector(text: string): Requirement[] {
  return splitTerms(text).map((term) => {
    let m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (m) return { key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '') };
    m = /^([^\s!=()]+)\s*(!=|==|=)\s*([^\s!=()]*)$/.exec(term);
    if (m) return { key: m[1]!, op: m[2] === '!=' ? 'neq' : 'eq', value: m[3]! };
    m = /^!\s*([^\s!=()]+)$/.exec(term);
    if (m) return { key: m[1]!, op: 'notexists' };
    m = /^([^\s!=()]+)$/.exec(term);
    if (m) return { key: m[1]!, op: 'exists' };
    throw new KubeError(400, `unable to parse requirement: ${JSON.stringify(term)}`);
  });
}

function matches(reqs: Requirement[], get: (key: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const v = get(r.key);
    switch (r.op) {
      case 'eq':
        return v === r.value;
      case 'neq':
        return v !== r.value;
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case 'notexists':
        return v === undefined;
    }
  });
}

const FIELDS: Record<string, (o: KubeObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
  'spec.nodeName': (o) => String((o.spec as { nodeName?: string } | undefined)?.nodeName ?? ''),
  'status.phase': (o) => String((o.status as { phase?: string } | undefined)?.phase ?? ''),
  'involvedObject.name': (o) => String((o.involvedObject as { name?: string } | undefined)?.name ?? ''),
  'involvedObject.kind': (o) => String((o.involvedObject as { kind?: string } | undefined)?.kind ?? ''),
  'involvedObject.namespace': (o) => String((o.involvedObject as { namespace?: string } | undefined)?.namespace ?? ''),
  'involvedObject.uid': (o) => String((o.involvedObject as { uid?: string } | undefined)?.uid ?? ''),
  type: (o) => String(o.type ?? ''),
  reason: (o) => String(o.reason ?? ''),
};

export type ObjectFilter = (obj: KubeObject) => boolean;

/** Build one predicate from the labelSelector and fieldSelector query parameters (400 on bad syntax). */
export function selectorFilter(url: URL): ObjectFilter {
  const label = url.searchParams.get('labelSelector') ?? '';
  const field = url.searchParams.get('fieldSelector') ?? '';
  const labelReqs = parseLabelSelector(label);
  const fieldReqs = parseLabelSelector(field);
  for (const r of fieldReqs) {
    if (r.op !== 'eq' && r.op !== 'neq') throw new KubeError(400, `invalid field selector: ${field}`);
    if (!FIELDS[r.key]) throw new KubeError(400, `field label not supported: ${r.key}`);
  }
  return (obj) =>
    matches(labelReqs, (k) => obj.metadata.labels?.[k]) && matches(fieldReqs, (k) => FIELDS[k]?.(obj));
}
