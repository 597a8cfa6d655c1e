// Binary operators between scalars and instant vectors, with Prometheus' vector matching rules.
import { METRIC_NAME, omit, pick, signature, labelsKey, withoutName, type Labels } from '../labels.js';
import { COMPARISON_OPS, type BinaryOp, type VectorMatching } from './ast.js';
import { PromqlExecError } from './errors.js';
import type { Sample } from './values.js';

const ARITHMETIC: ReadonlySet<BinaryOp> = new Set(['+', '-', '*', '/', '%', '^']);

/** [value, keep]: comparisons keep the left value when true. */
export function elemBinop(op: BinaryOp, l: number, r: number): [number, boolean] {
  switch (op) {
    case '+':
      return [l + r, true];
    case '-':
      return [l - r, true];
    case '*':
      return [l * r, true];
    case '/':
      return [l / r, true];
    case '%':
      return [l % r, true];
    case '^':
      return [Math.pow(l, r), true];
    case '==':
      return [l, l === r];
    case '!=':
      return [l, l !== r];
    case '>':
      return [l, l > r];
    case '<':
      return [l, l < r];
    case '>=':
      return [l, l >= r];
    case '<=':
      return [l, l <= r];
    default:
      throw new PromqlExecError(`operator "${op}" not allowed here`);
  }
}

export function scalarBinop(op: BinaryOp, l: number, r: number, returnBool: boolean): number {
  const [value, keep] = elemBinop(op, l, r);
  return COMPARISON_OPS.has(op) ? (returnBool && keep ? 1 : 0) : value;
}

/** `vector op scalar` (or `scalar op vector` when swapped). */
export function vectorScalarBinop(op: BinaryOp, vec: Sample[], scalar: number, swapped: boolean, returnBool: boolean): Sample[] {
  const out: Sample[] = [];
  const dropName = ARITHMETIC.has(op) || returnBool;
  for (const s of vec) {
    const [l, r] = swapped ? [scalar, s.v] : [s.v, scalar];
    let [value, keep] = elemBinop(op, l, r);
    // A comparison always yields the vector element's own value, whichever side it was on.
    if (COMPARISON_OPS.has(op) && swapped) value = s.v;
    if (returnBool) {
      value = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) continue;
    out.push({ labels: dropName ? withoutName(s.labels) : s.labels, v: value });
  }
  return out;
}

const matchSig = (labels: Labels, m: VectorMatching): string => signature(labels, m.labels, m.on);

export function vectorBinop(op: BinaryOp, lhs: Sample[], rhs: Sample[], m: VectorMatching, returnBool: boolean): Sample[] {
  if (op === 'and' || op === 'or' || op === 'unless') return setBinop(op, lhs, rhs, m);
  const swap = m.card === 'one-to-many';
  const [many, one] = swap ? [rhs, lhs] : [lhs, rhs];
  const oneBySig = new Map<string, Sample>();
  for (const s of one) {
    const sig = matchSig(s.labels, m);
    if (oneBySig.has(sig)) {
      throw new PromqlExecError(
        `found duplicate series for the match group ${describeSig(s.labels, m)} on the ${swap ? 'left' : 'right'} hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    }
    oneBySig.set(sig, s);
  }
  const dropName = ARITHMETIC.has(op) || returnBool;
  const seen = new Set<string>();
  const out: Sample[] = [];
  for (const ls of many) {
    const sig = matchSig(ls.labels, m);
    const rs = oneBySig.get(sig);
    if (!rs) continue;
    const [vl, vr] = swap ? [rs.v, ls.v] : [ls.v, rs.v];
    let [value, keep] = elemBinop(op, vl, vr);
    if (returnBool) {
      value = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) continue;
    const labels = resultLabels(ls.labels, rs.labels, m, dropName);
    const id = m.card === 'one-to-one' ? sig : labelsKey(labels);
    if (seen.has(id)) {
      throw new PromqlExecError(
        m.card === 'one-to-one'
          ? 'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)'
          : 'multiple matches for labels: grouping labels must ensure unique matches',
      );
    }
    seen.add(id);
    out.push({ labels, v: value });
  }
  return out;
}

function resultLabels(many: Labels, one: Labels, m: VectorMatching, dropName: boolean): Labels {
  let labels = dropName ? withoutName(many) : { ...many };
  if (m.card === 'one-to-one') labels = m.on ? pick(labels, m.labels) : omit(labels, m.labels);
  for (const name of m.include) {
    const v = one[name];
    if (v !== undefined && v !== '') labels = { ...labels, [name]: v };
    else labels = omit(labels, [name]);
  }
  return labels;
}

function setBinop(op: 'and' | 'or' | 'unless', lhs: Sample[], rhs: Sample[], m: VectorMatching): Sample[] {
  const rightSigs = new Set(rhs.map((s) => matchSig(s.labels, m)));
  if (op === 'and') return lhs.filter((s) => rightSigs.has(matchSig(s.labels, m)));
  if (op === 'unless') return lhs.filter((s) => !rightSigs.has(matchSig(s.labels, m)));
  const leftSigs = new Set(lhs.map((s) => matchSig(s.labels, m)));
  return [...lhs, ...rhs.filter((s) => !leftSigs.has(matchSig(s.labels, m)))];
}

function describeSig(labels: Labels, m: VectorMatching): string {
  const shown = m.on ? pick(labels, m.labels) : omit(labels, [...m.labels, METRIC_NAME]);
  return `{${Object.entries(shown)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;
}
