import { Box } from 'ink';
import type { Keymap } from '../keymaps/types.js';
import { PANE_TITLES, type AppState } from '../src/state/types.js';
import { Line, type Segment } from './components/Line.js';
import { useTheme } from './theme/ThemeContext.js';
import { cellWidth, clip } from '../src/text/index.js';
import { keyFor } from './keyLabels.js';

/** Key hints from the keymap: what to press next in the current mode. */
export function keyHints(keymap: Keymap, state: AppState): string {
  const pairs: [string | null, string][] = state.ui.filterEditing
    ? [
        [keyFor(keymap, 'filter-commit', 'filter'), 'apply'],
        [keyFor(keymap, 'filter-cancel', 'filter'), 'cancel'],
      ]
    : [
        [keyFor(keymap, 'help-toggle'), 'help'],
        [keyFor(keymap, 'quit'), 'quit'],
      ];
  return pairs
    .filter((p): p is [string, string] => p[0] !== null)
    .map(([k, what]) => `${k} ${what}`)
    .join('  ');
}

export function StatusBar({ state, keymap, width }: { state: AppState; keymap: Keymap; width: number }) {
  const theme = useTheme();
  const { meta, ui } = state;
  const hints = keyHints(keymap, state);
  const left: Segment[] = [
    { text: ` ${meta.mode.toUpperCase()} `, inverse: true, bold: true, color: meta.mode === 'demo' ? theme.warning : undefined },
  ];
  // A flash answers the key just pressed (e.g. why an action is refused): it goes first, so it is never clipped.
  if (ui.flash) left.push({ text: ` ${ui.flash.text} ·`, bold: true, color: theme.accent });
  if (ui.lowBandwidth) left.push({ text: ' LOW-BW ', inverse: true, bold: true }, { text: ' ·' });
  else if (ui.terminalBehind) {
    const key = keyFor(keymap, 'low-bandwidth-toggle');
    left.push({ text: ` terminal falling behind${key ? `: ${key} for low-bandwidth` : ''} ·`, bold: true, color: theme.warning });
  }
  if (meta.wall) left.push({ text: ' WALL ·', bold: true });
  else if (state.actions.readOnly) left.push({ text: ' READ-ONLY ·', bold: true, color: theme.warning });
  left.push({ text: ` ctx ${meta.context}` }, { text: ` · ns ${meta.namespace ?? 'all'}` });
  if (meta.scenario) left.push({ text: ` · scenario ${meta.scenario}` });
  left.push({ text: ` · focus ${PANE_TITLES[ui.focus]}` });
  const room = Math.max(0, width - cellWidth(hints) - 1);
  // Left part clipped as one string so the hints on the right always stay visible.
  let used = 0;
  const clipped: Segment[] = [];
  for (const s of left) {
    const t = clip(s.text, room - used);
    if (!t) break;
    clipped.push({ ...s, text: t });
    used += cellWidth(t);
    if (t.endsWith('…')) break;
  }
  return (
    <Box width={width} height={1} overflow="hidden">
      <Box width={room} height={1} overflow="hidden">
        <Line segments={clipped} />
      </Box>
      <Box width={width - room} height={1} justifyContent="flex-end" overflow="hidden">
        <Line segments={[{ text: hints, color: theme.muted }]} />
      </Box>
    </Box>
  );
}
