// The confirmation modal, drawn centred over the panes. Every row is padded to the modal's full width
// so the panes underneath never show through; the border is red for destructive actions.
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { Keymap } from '../../keymaps/types.js';
import type { IntentType } from '../../src/state/intents.js';
import type { AppState, ModalState } from '../../src/state/types.js';
import { Line, type Segment } from '../components/Line.js';
import { keysLabel } from '../keyLabels.js';
import { useTheme } from '../theme/ThemeContext.js';
import { useMotion } from '../theme/DisplayContext.js';
import { cellWidth, clip, fit } from '../../src/text/index.js';
import { modalRows, modalTitle, type ModalKeys } from './modalLines.js';

/** The modal is at most this wide: wider lines are harder to read than wrapped ones. */
export const MODAL_MAX_WIDTH = 84;

function keyText(keymap: Keymap, type: IntentType, fallback: string): string {
  const b = keymap.find((x) => x.intent.type === type && x.keys.length > 0 && (x.context === 'modal' || x.context === 'global'));
  return b ? keysLabel(b) : fallback;
}

export function modalKeys(keymap: Keymap): ModalKeys {
  return {
    cancel: keyText(keymap, 'modal-cancel', 'Esc'),
    confirm: keyText(keymap, 'modal-confirm', 'y'),
    activate: keyText(keymap, 'modal-activate', 'Enter'),
    next: keyText(keymap, 'modal-focus-next', 'Tab'),
  };
}

/** Segments clipped and padded to exactly `width` cells. */
export function fitSegments(segments: Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const s of segments) {
    if (used >= width) break;
    const room = width - used;
    const text = cellWidth(s.text) <= room ? s.text : clip(s.text, room);
    if (!text) continue;
    out.push({ ...s, text });
    used += cellWidth(text);
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

export interface ModalGeometry {
  width: number;
  left: number;
  top: number;
  /** rows inside the border */
  maxRows: number;
}

export function modalGeometry(screenWidth: number, screenHeight: number): ModalGeometry {
  const width = Math.max(10, Math.min(MODAL_MAX_WIDTH, screenWidth - 2));
  return { width, left: Math.max(0, Math.floor((screenWidth - width) / 2)), top: 0, maxRows: Math.max(1, screenHeight - 2) };
}

export function ConfirmModal({ modal, state, keymap, width, height }: { modal: ModalState; state: AppState; keymap: Keymap; width: number; height: number }) {
  const theme = useTheme();
  const motion = useMotion();
  const g = modalGeometry(width, height);
  const inner = Math.max(1, g.width - 4);
  const rows = modalRows(modal, state, inner, g.maxRows, theme, modalKeys(keymap));
  const total = rows.length + 2;
  const top = Math.max(0, Math.floor((height - total) / 2));
  const border = modal.plan?.risk === 'destructive' ? theme.danger : theme.accent;
  const titleText = clip(` ${modalTitle(modal)} `, Math.max(0, g.width - 5));
  const topBorder: Segment[] = [
    { text: '┏━', color: border },
    { text: titleText, bold: true, inverse: true },
    { text: `${'━'.repeat(Math.max(0, g.width - 3 - cellWidth(titleText)))}┓`, color: border },
  ];
  const side = (text: string): Segment => ({ text, color: border });
  return (
    <Box position="absolute" marginLeft={g.left} marginTop={top} width={g.width} height={total} flexDirection="column" overflow="hidden">
      <Line segments={topBorder} />
      {rows.map((r, i) =>
        r.kind === 'spinner' ? (
          <Text key={i} wrap="truncate-end">
            <Text color={border}>┃ </Text>
            <Text color={theme.accent}>{motion ? <Spinner type="dots" /> : '·'}</Text>
            <Text>{fit(` ${r.text}`, inner - 1)}</Text>
            <Text color={border}> ┃</Text>
          </Text>
        ) : (
          <Line key={i} segments={[side('┃ '), ...fitSegments(r.segments, inner), side(' ┃')]} />
        ),
      )}
      <Line segments={[side(`┗${'━'.repeat(Math.max(0, g.width - 2))}┛`)]} />
    </Box>
  );
}
