// Label sets as plain objects, plus the canonical strings used to identify series and match them across
// the two sides of a binary operator or the groups of an aggregation.

export type Labels = Record<string, string>;

export const METRIC_NAME = '__name__';

/** Canonical identity of a label set: sorted, so {a,b} and {b,a} are the same series. */
export function labelsKey(labels: Labels): string {
  const names = Object.keys(labels).sort();
  let out = '';
  for (const name of names) out += `${name}\u0000${labels[name]}\u0001`;
  return out;
}

/** Signature over only `names` (on/by) or over everything but `names` (ignoring/without). */
export function signature(labels: Labels, names: readonly string[], include: boolean): string {
  if (include) {
    let out = '';
    for (const name of [...names].sort()) {
      const value = labels[name];
      if (value !== undefined && value !== '') out += `${name}\u0000${value}\u0001`;
    }
    return out;
  }
  const skip = new Set(names);
  skip.add(METRIC_NAME);
  const kept: Labels = {};
  for (const [name, value] of Object.entries(labels)) if (!skip.has(name)) kept[name] = value;
  return labelsKey(kept);
}

export function withoutName(labels: Labels): Labels {
  if (!(METRIC_NAME in labels)) return labels;
  const { [METRIC_NAME]: _dropped, ...rest } = labels;
  return rest;
}

export function pick(labels: Labels, names: readonly string[]): Labels {
  const out: Labels = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

export function omit(labels: Labels, names: readonly string[]): Labels {
  const skip = new Set(names);
  const out: Labels = {};
  for (const [name, value] of Object.entries(labels)) if (!skip.has(name)) out[name] = value;
  return out;
}

/** Sorted copy, so JSON output lists labels the way Prometheus does. */
export function sortedLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const name of Object.keys(labels).sort()) out[name] = labels[name]!;
  return out;
}
