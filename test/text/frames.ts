// Frames of the App with hostile text in every untrusted field, and the check that matters to a user:
// every pane border sits in its column on every row of what a terminal draws.
import stringWidth from 'string-width';
import type { ActionPlan, ActionRequest } from '../../src/state/actions.js';
import type { AppState } from '../../src/state/types.js';
import { modalPlanned, openModal } from '../../src/runtime/modal.js';
import stripAnsi from 'strip-ansi';
import { computeLayout, paneNeeds, type Rect } from '../../views/layout.js';
import { hiveState, withUi } from '../views/fixtures.js';
import type { Screen } from './terminal.js';

/** Graphemes terminals and width libraries disagree on, and text that must not steer the terminal. */
export const HOSTILE_TEXT = {
  emoji: 'ZetaEmoji👍🏽 family👨‍👩‍👧 heart❤️ flag🇩🇪 key1️⃣ tag🏴󠁧󠁢󠁳󠁣󠁴󠁿 new🫨 ok✔ no✖ warn⚠ sun☀ ©',
  cjk: '日本語のログ 한국어 中文字符 ｶﾀｶﾅ ＦＵＬＬ',
  marks: 'Zalgo z̷̢̛a̵͓͝l̸̰̈g̶̱͐o̴͈̓ ké\u0301 नमस्ते दुनिया สวัสดีครับ กำ',
  rtl: 'RTL مرحبا بالعالم שלום \u202eevil\u202c done \u2067iso\u2069',
  invisible: 'zero\u200bwidth\u2060joiner\ufeffbom soft\u00adhyphen stray\ufe0fvs \u{E0041}tag',
  private: 'pua\ue000\uf8ff\u{F0000} unassigned\u0378\u{E0080} surrogate\ud800x',
  escapes: 'esc\u001b]52;c;cm0gLXJmIC8=\u0007\u001b]0;pwned\u0007\u001b[2J\u001b[1;1Hfake\u009b31m\u001bPq#0;2;0;0;0\u001b\\dcs\u0000nul\u0008bs\tTab',
  cyrillic: 'Ошибка: соединение сброшено · Σφάλμα 90°C',
} as const;

const ALL = Object.values(HOSTILE_TEXT);
const pick = (i: number) => ALL[i % ALL.length]!;

/** hiveState with hostile text in alert names and summaries, pod names and nodes, labels, log lines and more. */
export function hostileState(): AppState {
  const state = hiveState();
  const kube = state.kube.data!;
  kube.pods.forEach((p, i) => {
    p.name = `${pick(i)}-7d9f8b6c4-x2kq${i}`;
    p.node = pick(i + 3);
    p.labels = { app: pick(i + 1), [pick(i + 2)]: 'v' };
    if (i % 3 === 0) p.status = pick(i + 5);
  });
  state.alerts.data!.groups.forEach((g, i) => {
    g.alertname = `ZetaEmoji👍🏽 ${pick(i)}`;
    for (const a of g.alerts) {
      a.alertname = g.alertname;
      a.summary = `${pick(i + 1)} ${pick(i + 2)}`;
      a.labels = { ...a.labels, [pick(i)]: pick(i + 4) };
    }
  });
  state.consensus.data!.members.forEach((m, i) => {
    m.name = pick(i + 2);
    m.endpoint = pick(i + 4);
  });
  state.logs.data!.lines.forEach((l, i) => {
    l.text = `${pick(i)} ${pick(i + 1)}`;
    if (i % 4 === 0) l.pod = pick(i + 3);
  });
  state.slos.data!.forEach((s, i) => {
    s.name = pick(i + 1);
  });
  state.logErrors.data!.byJob.forEach((j, i) => {
    j.lastLine = pick(i);
  });
  state.meta.context = HOSTILE_TEXT.emoji;
  state.meta.namespace = HOSTILE_TEXT.cjk;
  return state;
}

/** The hostile state once with each pane focused (each pane then gets the big box in the compact layout). */
export const hostileStates = (): AppState[] =>
  (['pods', 'alerts', 'logs', 'consensus', 'slos', 'latency'] as const).map((focus) => withUi({ focus }, hostileState()));

const VERTICAL = new Set(['│', '┃']);
const CORNERS = { tl: new Set(['┌', '┏']), tr: new Set(['┐', '┓']), bl: new Set(['└', '┗']), br: new Set(['┘', '┛']) };

/** Pane rectangles the App draws at this size and focus (the status bar row is not a pane). */
export function paneRects(state: AppState, size: { width: number; height: number }): Rect[] {
  const layout = computeLayout(size.width, size.height, state.ui.focus, paneNeeds(state));
  return layout.kind === 'grid' ? Object.values(layout.panes) : [layout.focused];
}

/** Where each border character must be: [row, column, allowed characters]. */
export function borderCells(state: AppState, size: { width: number; height: number }): [number, number, Set<string>][] {
  const out: [number, number, Set<string>][] = [];
  for (const r of paneRects(state, size)) {
    const right = r.x + r.width - 1;
    const bottom = r.y + r.height - 1;
    out.push([r.y, r.x, CORNERS.tl], [r.y, right, CORNERS.tr], [bottom, r.x, CORNERS.bl], [bottom, right, CORNERS.br]);
    for (let y = r.y + 1; y < bottom; y++) out.push([y, r.x, VERTICAL], [y, right, VERTICAL]);
  }
  return out;
}

/** Every border cell that does not hold its border character, and every row that wrapped, as readable lines. */
export function borderProblems(screen: Screen, state: AppState, size: { width: number; height: number }): string[] {
  const problems: string[] = [];
  screen.wrapped.forEach((w, y) => {
    if (w) problems.push(`row ${y} wrapped: the row above it is wider than ${size.width} columns`);
  });
  for (const [y, x, allowed] of borderCells(state, size)) {
    const got = screen.cells[y]?.[x] ?? '';
    if (!allowed.has(got)) problems.push(`row ${y} col ${x}: ${JSON.stringify(got)} instead of a border (${[...allowed].join('')}); row: ${screen.cells[y]?.join('')}`);
  }
  return problems;
}

const BOX_DRAWING = /^[\u2500-\u257f]$/u;
// the test's own segmentation and escape stripping (Ink's and strip-ansi's), not the module under test
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/**
 * Where Ink placed each box-drawing character of a frame (each grapheme takes max(1, string-width 8)
 * cells, as in ink/build/output.js): [row, column, character].
 */
export function inkBorderCells(plain: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  plain.split('\n').forEach((row, y) => {
    let x = 0;
    for (const g of graphemes(row)) {
      if (BOX_DRAWING.test(g)) out.push([y, x, g]);
      x += Math.max(1, stringWidth(g));
    }
  });
  return out;
}

/** Every box-drawing character Ink placed (pane, modal, overlay borders) that the terminal draws elsewhere. */
export function placementProblems(screen: Screen, raw: string): string[] {
  const problems: string[] = [];
  for (const [y, x, ch] of inkBorderCells(stripAnsi(raw))) {
    const got = screen.cells[y]?.[x] ?? '';
    if (got !== ch) problems.push(`row ${y} col ${x}: ${JSON.stringify(got)} where Ink placed ${ch}; row: ${screen.cells[y]?.join('')}`);
  }
  return problems;
}

/** The hostile state with the confirmation modal open on a hostile pod: our own ✔ and ⚠ next to hostile text. */
export function hostileModalState(): AppState {
  const state = hostileState();
  const pod = state.kube.data!.pods[0]!;
  const request: ActionRequest = { action: 'pod-delete', target: { kind: 'pod', namespace: pod.namespace, name: pod.name }, params: {} };
  const plan: ActionPlan = {
    request,
    context: HOSTILE_TEXT.emoji,
    cluster: HOSTILE_TEXT.cjk,
    namespace: pod.namespace,
    title: `Delete pod ${pod.namespace}/${pod.name}`,
    changes: [HOSTILE_TEXT.marks, HOSTILE_TEXT.rtl, HOSTILE_TEXT.invisible],
    diff: [{ label: HOSTILE_TEXT.cyrillic, before: HOSTILE_TEXT.private, after: HOSTILE_TEXT.escapes }],
    preview: [],
    dryRun: { kind: 'server', ok: true, message: HOSTILE_TEXT.emoji },
    risk: 'destructive',
    production: true,
    confirmText: pod.name,
    permission: { allowed: true, reason: '' },
  };
  const modal = modalPlanned(openModal(1, { request, label: `pod ${pod.name}`, currentReplicas: null }), { allowed: true, reason: '' }, plan, null);
  return withUi({ modal }, state);
}
