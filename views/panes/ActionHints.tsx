// The focused pane's action keys ("^D delete · r restart · u undo · s scale"), each greyed with the reason
// when it cannot be used on the selection: read-only session, RBAC refusal, or a target that does not fit
// (a StatefulSet's pod has no Deployment to restart). Shown, never hidden: the user learns why.
import type { ActionKind } from '../../src/state/actions.js';
import type { Keymap } from '../../keymaps/types.js';
import type { AppState, PaneId } from '../../src/state/types.js';
import { ACTION_LABELS, PANE_ACTIONS } from '../../src/runtime/action-targets.js';
import { availability, blockerReason } from '../../src/runtime/availability.js';
import { Line, type Segment } from '../components/Line.js';
import { keyLabel } from '../keyLabels.js';
import { useTheme } from '../theme/ThemeContext.js';
import { cellWidth, clip } from '../../src/text/index.js';

export interface ActionHint {
  action: ActionKind;
  key: string;
  label: string;
  /** why it cannot be used now, or null */
  disabled: string | null;
}

/** Compact key label for a hint line: ctrl+d -> ^D. */
const shortKey = (key: string): string => (key.startsWith('ctrl+') ? `^${key.slice(5).toUpperCase()}` : keyLabel(key));

function keyForAction(keymap: Keymap, action: ActionKind, pane: PaneId): string | null {
  const b = keymap.find(
    (x) => x.intent.type === 'action-open' && x.intent.action === action && x.keys.length > 0 && (x.context === pane || x.context === 'global'),
  );
  return b?.keys[0] ? shortKey(b.keys[0]) : null;
}

export function actionHints(state: AppState, pane: PaneId, keymap: Keymap): ActionHint[] {
  const hints: ActionHint[] = [];
  for (const action of PANE_ACTIONS[pane]) {
    const key = keyForAction(keymap, action, pane);
    if (!key) continue;
    const a = availability(state, action);
    hints.push({ action, key, label: ACTION_LABELS[action], disabled: a.ok ? null : blockerReason(a.blocker) });
  }
  return hints;
}

/** Hint segments: usable keys normal, refused ones dim and marked, then each distinct reason once. */
export function hintSegments(hints: ActionHint[], muted: string | undefined): Segment[] {
  const segments: Segment[] = [];
  hints.forEach((h, i) => {
    if (i > 0) segments.push({ text: ' · ', color: muted });
    segments.push(h.disabled ? { text: `${h.key} ${h.label}✖`, dim: true, color: muted } : { text: `${h.key} ${h.label}`, bold: false });
  });
  const reasons = new Map<string, string[]>();
  for (const h of hints) if (h.disabled) reasons.set(h.disabled, [...(reasons.get(h.disabled) ?? []), h.label]);
  for (const [reason, labels] of reasons) {
    // one reason: the ✖ marks say which keys it is about; several: name them
    const who = reasons.size > 1 || labels.length === 1 ? `${labels.join(', ')}: ` : '';
    segments.push({ text: `  ✖ ${who}${reason}`, color: muted });
  }
  return segments;
}

/** One row for the bottom of a focused pane; nothing when the pane has no actions bound. */
export function ActionHintLine({ state, pane, keymap, width }: { state: AppState; pane: PaneId; keymap: Keymap; width: number }) {
  const theme = useTheme();
  const hints = actionHints(state, pane, keymap);
  if (hints.length === 0 || width <= 0) return null;
  const segments: Segment[] = [];
  let used = 0;
  for (const s of hintSegments(hints, theme.muted)) {
    const text = clip(s.text, width - used);
    if (!text) break;
    segments.push({ ...s, text });
    used += cellWidth(text);
    if (text.endsWith('…')) break;
  }
  return <Line segments={segments} />;
}

export const hasActionHints = (state: AppState, pane: PaneId, keymap: Keymap): boolean =>
  PANE_ACTIONS[pane].some((a) => keyForAction(keymap, a, pane) !== null) && state.ui.focus === pane;
