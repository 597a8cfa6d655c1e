// What the confirmation modal says, as rows of styled segments: pure, so its contents and its fit at
// 80x24 can be tested without rendering. Lists (changes, diff, silence preview, result details) shrink
// with an "… N more" line when the terminal is short; the buttons and the context line never do.
import { dryRunLine, type ActionPlan } from '../../src/state/actions.js';
import type { AppState, ModalField, ModalState } from '../../src/state/types.js';
import { confirmBlocker, confirmBlockerText, modalTextFocus, quickConfirmAllowed, silenceDuration, type ConfirmBlocker } from '../../src/runtime/modal.js';
import type { Segment } from '../components/Line.js';
import type { Theme } from '../theme/theme.js';
import { cellWidth, clipStart, fit, wrap } from '../../src/text/index.js';

export type ModalRow = { kind: 'line'; segments: Segment[] } | { kind: 'spinner'; text: string };

/** Key labels the hint line uses (from the keymap, with the default keys as fallback). */
export interface ModalKeys {
  cancel: string;
  confirm: string;
  activate: string;
  next: string;
}

/** Rows of one list; `shrink` lists give up rows (replaced by "… N more") when room is short. */
interface Block {
  rows: ModalRow[];
  shrink: boolean;
}

const line = (...segments: Segment[]): ModalRow => ({ kind: 'line', segments });
const blank = (): ModalRow => line({ text: '' });

/** "context hive-demo · cluster hive-demo · namespace production" (from the plan once it is there). */
export function contextLine(m: ModalState, state: AppState): string {
  const p = m.plan;
  const t = m.request.target;
  const ns = p ? p.namespace : t.kind === 'pod' || t.kind === 'deployment' ? t.namespace : (t.kind === 'alert' ? t.labels.namespace : null) ?? null;
  const context = p?.context ?? (state.kube.data?.context || state.meta.context);
  const cluster = p?.cluster ?? state.kube.data?.cluster ?? '';
  return `context ${context || '—'} · cluster ${cluster || '—'} · namespace ${ns ?? '—'}`;
}

function fieldLabel(f: ModalField, plan: ActionPlan | null): string {
  switch (f.name) {
    case 'replicas':
      return 'replicas';
    case 'comment':
      return 'comment';
    case 'duration':
      return 'duration';
    case 'confirmText':
      return `type ${plan?.confirmText ?? ''} to confirm`;
  }
}

function fieldAside(m: ModalState, f: ModalField): string {
  switch (f.name) {
    case 'replicas': {
      const cur = m.currentReplicas === null ? '?' : String(m.currentReplicas);
      return `current ${cur} -> new ${/^\d+$/.test(f.value) ? Number(f.value) : '?'}`;
    }
    case 'comment':
      return f.value.trim() ? '' : '(required)';
    case 'duration':
      return silenceDuration(f.value) === null ? '(e.g. 30m, 1h, 2h30m)' : '';
    case 'confirmText':
      return m.plan?.confirmText && f.value === m.plan.confirmText ? '✔' : '';
  }
}

function fieldRows(m: ModalState, width: number, theme: Theme): ModalRow[] {
  const rows: ModalRow[] = [];
  const labelWidth = Math.max(0, ...m.fields.filter((f) => f.name !== 'confirmText').map((f) => cellWidth(fieldLabel(f, m.plan))));
  for (const f of m.fields) {
    const focused = m.phase === 'ready' && m.focus === f.name;
    const aside = fieldAside(m, f);
    const label = fieldLabel(f, m.plan);
    // the typed name gets its own line: object names are long
    if (f.name === 'confirmText') rows.push(line({ text: label, bold: true, color: theme.warning }));
    const prefix = f.name === 'confirmText' ? '' : `${label.padEnd(labelWidth)}  `;
    const boxWidth = Math.max(4, Math.min(f.name === 'comment' || f.name === 'confirmText' ? 48 : 8, width - cellWidth(prefix) - cellWidth(aside) - 5));
    // the end of what was typed stays in view, as in any text field
    const box = fit(`${clipStart(f.value, boxWidth - 1)}${focused ? '▏' : ''}`, boxWidth);
    rows.push(
      line(
        { text: prefix, bold: focused },
        { text: '[' },
        { text: box, inverse: focused, underline: !focused },
        { text: ']' },
        { text: aside ? `  ${aside}` : '', color: theme.muted },
      ),
    );
  }
  return rows;
}

/** The typed-name field says what to type already: next to the button, say only what is missing. */
const blockedShort = (blocked: ConfirmBlocker): string => (blocked.kind === 'type-name' ? 'type the name above first' : confirmBlockerText(blocked));

function buttonRow(m: ModalState, theme: Theme): ModalRow {
  if (m.phase === 'denied') return line({ text: '[ Close ]', inverse: true, bold: true });
  const blocked: ConfirmBlocker | null = m.phase === 'ready' ? confirmBlocker(m) : { kind: 'not-ready' };
  const cancelFocused = m.focus === 'cancel';
  const confirmFocused = m.focus === 'confirm';
  const destructive = m.plan?.risk === 'destructive';
  return line(
    { text: '[ Cancel ]', inverse: cancelFocused, bold: cancelFocused },
    { text: '  ' },
    {
      text: '[ Confirm ]',
      inverse: confirmFocused,
      bold: confirmFocused || (!blocked && destructive),
      dim: blocked !== null,
      color: blocked === null && destructive ? theme.danger : undefined,
    },
    { text: blocked && m.phase === 'ready' ? `  ${blockedShort(blocked)}` : '', color: theme.muted },
  );
}

function hintRow(m: ModalState, keys: ModalKeys, theme: Theme): ModalRow {
  let text: string;
  if (m.phase === 'denied') text = `${keys.activate}/${keys.cancel} close`;
  else if (m.phase === 'done') text = 'press any key to close';
  else if (m.phase === 'running') text = 'submitted once: waiting for the answer';
  else if (m.phase === 'planning' || m.phase === 'replanning') text = `${keys.cancel} cancel`;
  else if (modalTextFocus({ modal: m })) {
    // In a text field y and n are letters: only the non-printable keys act, so only they are offered.
    const cancel = keys.cancel.split('/').filter((k) => [...k].length > 1).join('/') || keys.cancel;
    text = [`${keys.next} next`, `${keys.activate} next field`, `${cancel} cancel`].join(' · ');
  } else {
    const parts = [`${keys.next} next`, `${keys.activate} press focused button`];
    if (m.plan && quickConfirmAllowed(m.plan)) parts.push(`${keys.confirm} confirm`);
    parts.push(`${keys.cancel} cancel`);
    text = parts.join(' · ');
  }
  return line({ text, color: theme.muted });
}

function listBlock(title: string, items: string[], width: number, theme: Theme, shrink = true): Block | null {
  if (items.length === 0) return null;
  const rows: ModalRow[] = [line({ text: title, bold: true })];
  for (const item of items) for (const l of wrap(item, width - 2, 2)) rows.push(line({ text: `  ${l}`, color: theme.info }));
  return { rows, shrink };
}

function diffBlock(plan: ActionPlan, width: number, theme: Theme): Block | null {
  if (plan.diff.length === 0) return null;
  const rows: ModalRow[] = [line({ text: 'Diff (before -> after)', bold: true })];
  for (const d of plan.diff) {
    if (d.before === d.after) {
      rows.push(line({ text: `  ${d.label} (unchanged): ${d.before}`, color: theme.muted }));
      continue;
    }
    rows.push(line({ text: `  ${d.label}` }));
    for (const l of wrap(d.before, width - 6, 2)) rows.push(line({ text: '    - ', color: theme.danger }, { text: l, color: theme.danger }));
    for (const l of wrap(d.after, width - 6, 2)) rows.push(line({ text: '    + ', color: theme.ok }, { text: l, color: theme.ok }));
  }
  return { rows, shrink: true };
}

function dryRunRows(plan: ActionPlan, width: number, theme: Theme): ModalRow[] {
  if (!plan.dryRun) return [];
  const { ok } = plan.dryRun;
  // the API's message verbatim, wrapped rather than cut: it is what explains the refusal
  return wrap(`${ok ? '✔' : '✖'} ${dryRunLine(plan.dryRun)}`, width, 4).map((l) => line({ text: l, color: ok ? theme.ok : theme.danger, bold: !ok }));
}

/** Drops rows from the shrinkable blocks, last block first, until the total fits `budget`. */
function fitBlocks(blocks: Block[], fixed: number, budget: number, theme: Theme): ModalRow[] {
  const sizes = blocks.map((b) => b.rows.length);
  let over = fixed + sizes.reduce((a, b) => a + b, 0) - budget;
  for (let i = blocks.length - 1; i >= 0 && over > 0; i--) {
    const b = blocks[i]!;
    if (!b.shrink) continue;
    // keep the heading, one row and the "… more" line
    const removable = Math.max(0, b.rows.length - 3);
    const cut = Math.min(removable, over + 1);
    if (cut <= 1) continue;
    sizes[i] = b.rows.length - cut + 1;
    over -= cut - 1;
  }
  const out: ModalRow[] = [];
  blocks.forEach((b, i) => {
    const size = sizes[i]!;
    if (size >= b.rows.length) out.push(...b.rows);
    else {
      out.push(...b.rows.slice(0, size - 1));
      out.push(line({ text: `  … ${b.rows.length - size + 1} more lines`, color: theme.muted }));
    }
  });
  // still too tall (a tiny terminal): cut from the end of the lists; the fixed rows stay
  return out.slice(0, Math.max(0, budget - fixed));
}

/** The modal's title (drawn in its top border). */
export function modalTitle(m: ModalState): string {
  return m.plan?.title ?? `${m.action} ${m.targetLabel}`;
}

/**
 * Every row inside the modal's border, at most `maxRows` of them, each meant for `width` cells.
 * `state` provides the context and cluster until the plan names them.
 */
export function modalRows(m: ModalState, state: AppState, width: number, maxRows: number, theme: Theme, keys: ModalKeys): ModalRow[] {
  const head: ModalRow[] = wrap(contextLine(m, state), width, 2).map((l) => line({ text: l, color: theme.muted }));
  head.push(...wrap(`object ${m.targetLabel}`, width, 2).map((l, i) => (i === 0 ? line({ text: 'object ', bold: true }, { text: l.slice(7) }) : line({ text: l }))));
  const flags: Segment[] = [];
  if (m.plan?.production) flags.push({ text: '⚠ production', bold: true, color: theme.warning });
  if (m.plan?.risk === 'destructive') flags.push({ text: `${flags.length ? ' · ' : ''}destructive`, bold: true, color: theme.danger });
  if (flags.length) head.push(line(...flags));
  head.push(blank());

  const blocks: Block[] = [];
  const tail: ModalRow[] = [];
  const plan = m.plan;
  switch (m.phase) {
    case 'planning':
      tail.push({ kind: 'spinner', text: 'checking permission and running the server dry run…' });
      break;
    case 'denied': {
      const reason = m.permission?.reason || 'not permitted';
      tail.push(...wrap(`✖ not permitted: ${reason}`, width, 4).map((l) => line({ text: l, color: theme.danger, bold: true })));
      break;
    }
    case 'done': {
      const r = m.result;
      if (r) {
        const mark = r.ok ? '✔' : '✖';
        tail.push(...wrap(`${mark} ${r.message}`, width, 5).map((l) => line({ text: l, color: r.ok ? theme.ok : theme.danger, bold: true })));
        const details = listBlock('Details', r.details, width, theme);
        if (details) blocks.push(details);
      }
      break;
    }
    default:
      break;
  }
  if (plan && m.phase !== 'denied' && m.phase !== 'done') {
    const changes = listBlock('Changes', plan.changes, width, theme);
    if (changes) blocks.push(changes);
    const diff = diffBlock(plan, width, theme);
    if (diff) blocks.push(diff);
    if (m.action === 'silence-create') {
      const preview = plan.preview.length
        ? listBlock(`Would silence ${plan.preview.length} firing alert${plan.preview.length === 1 ? '' : 's'}`, plan.preview, width, theme)
        : { rows: [line({ text: 'Would silence no firing alert (matchers match nothing now)', color: theme.warning })], shrink: false };
      if (preview) blocks.push(preview);
    }
    tail.push(...dryRunRows(plan, width, theme));
    if (m.phase === 'replanning') tail.push({ kind: 'spinner', text: 'dry run with the new values…' });
    if (m.phase === 'running') tail.push({ kind: 'spinner', text: 'submitting…' });
    if (m.phase === 'ready' || m.phase === 'replanning' || m.phase === 'running') tail.push(...fieldRows(m, width, theme));
  }
  if (m.note) tail.push(line({ text: m.note, color: theme.warning, bold: true }));
  const foot: ModalRow[] = [blank()];
  if (m.phase !== 'done' && m.phase !== 'planning') foot.push(buttonRow(m, theme));
  foot.push(hintRow(m, keys, theme));

  const fixed = head.length + tail.length + foot.length;
  const middle = fitBlocks(blocks, fixed, maxRows, theme);
  const all = [...head, ...middle, ...tail, ...foot];
  // never taller than asked: on a tiny screen the buttons and hints win over the context lines
  return all.length <= maxRows ? all : [...all.slice(0, Math.max(0, maxRows - foot.length)), ...foot].slice(-maxRows);
}
