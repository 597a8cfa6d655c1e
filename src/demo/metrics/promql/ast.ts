// PromQL syntax tree for the subset the simulator answers.
import type { Matcher } from '../matchers.js';

export type ValueType = 'scalar' | 'string' | 'vector' | 'matrix';

export interface VectorSelector {
  kind: 'vector';
  name: string | undefined;
  matchers: Matcher[];
  offsetMs: number;
  pos: number;
}

export interface MatrixSelector {
  kind: 'matrix';
  selector: VectorSelector;
  rangeMs: number;
  pos: number;
}

export interface VectorMatching {
  card: 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';
  /** on(...) when true, ignoring(...) when false */
  on: boolean;
  labels: string[];
  /** extra labels copied from the "one" side by group_left/group_right */
  include: string[];
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '^' | '==' | '!=' | '>' | '<' | '>=' | '<=' | 'and' | 'or' | 'unless';

export type AggregateOp =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'group'
  | 'stddev'
  | 'stdvar'
  | 'topk'
  | 'bottomk'
  | 'quantile';

export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | VectorSelector
  | MatrixSelector
  | { kind: 'call'; func: string; args: Expr[]; pos: number }
  | { kind: 'aggregate'; op: AggregateOp; param: Expr | undefined; expr: Expr; grouping: string[]; without: boolean; pos: number }
  | { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr; returnBool: boolean; matching: VectorMatching | undefined; pos: number }
  | { kind: 'unary'; op: '-' | '+'; expr: Expr; pos: number }
  | { kind: 'paren'; expr: Expr; pos: number };

export const COMPARISON_OPS: ReadonlySet<BinaryOp> = new Set(['==', '!=', '>', '<', '>=', '<=']);
export const SET_OPS: ReadonlySet<BinaryOp> = new Set(['and', 'or', 'unless']);
