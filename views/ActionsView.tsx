// The Actions view: this session's audit journal, newest first, over the panes like the help overlay.
// It shows what the journal file holds for this session: every attempt, cancelled and refused included.
import type { JournalEntry } from '../src/state/actions.js';
import type { Keymap } from '../keymaps/types.js';
import type { AppState } from '../src/state/types.js';
import { TextLine, type Segment } from './components/Line.js';
import { Overlay } from './components/Overlay.js';
import { Table, type Column } from './components/Table.js';
import { useTheme } from './theme/ThemeContext.js';
import type { Theme } from './theme/theme.js';
import { formatClock, plural } from './format.js';
import { keysLabel } from './keyLabels.js';

type Row = JournalEntry & { index: number };

/** What happened, in words: "✔ success", "✖ <the API's error>", "cancelled: nothing changed". */
export function outcome(e: JournalEntry): { text: string; tone: 'ok' | 'danger' | 'muted' } {
  if (e.decision === 'cancelled') return { text: 'nothing changed', tone: 'muted' };
  if (e.result === 'success') return { text: '✔ success', tone: 'ok' };
  if (e.error) return { text: `✖ ${e.error}`, tone: 'danger' };
  if (e.decision === 'refused') return { text: '✖ refused', tone: 'danger' };
  return { text: e.result ?? '', tone: 'muted' };
}

function columns(theme: Theme): Column<Row>[] {
  return [
    { header: 'TIME', width: 8, cell: (e) => ({ text: formatClock(Date.parse(e.time)) }) },
    { header: 'ACTION', width: 15, cell: (e) => ({ text: e.action, bold: true }) },
    { header: 'TARGET', width: 16, flex: 2, cut: 'middle', cell: (e) => ({ text: e.namespace && !e.target.includes(e.namespace) ? `${e.namespace}/${e.target}` : e.target }) },
    {
      header: 'DECISION',
      width: 9,
      cell: (e) => ({ text: e.decision, color: e.decision === 'confirmed' ? theme.accent : e.decision === 'refused' ? theme.warning : theme.muted }),
    },
    {
      header: 'RESULT',
      width: 12,
      flex: 3,
      cell: (e) => {
        const o = outcome(e);
        return { text: o.text, color: theme[o.tone], bold: o.tone === 'danger' };
      },
    },
    { header: 'DRY RUN', width: 7, flex: 1, dropOrder: 1, cell: (e) => ({ text: e.dryRun ?? '—', color: theme.muted }) },
  ];
}

export function ActionsView({ state, keymap, width, height }: { state: AppState; keymap: Keymap; width: number; height: number }) {
  const theme = useTheme();
  const inner = Math.max(0, width - 2);
  const entries: Row[] = state.actions.journal.map((e, index) => ({ ...e, index })).reverse();
  const close = keymap
    .filter((b) => b.keys.length > 0 && (b.intent.type === 'actions-view-toggle' || (b.context === 'actions' && b.intent.type === 'help-close')))
    .map(keysLabel)
    .filter((k, i, all) => all.indexOf(k) === i)
    .join(' or ');
  const title: Segment[] = [
    { text: 'Actions', bold: true, inverse: true },
    { text: ` ━ ${plural(entries.length, 'attempt')} this session${state.actions.readOnly ? ' · read-only' : ''}${close ? ` ━ ${close} to close` : ''} ` },
  ];
  return (
    <Overlay title={title} width={width} height={height}>
        <Table
          columns={columns(theme)}
          rows={entries}
          selected={null}
          focused={false}
          width={inner}
          height={Math.max(0, height - 2)}
          keyOf={(e) => String(e.index)}
          empty={<TextLine text="no actions yet this session: every attempt, cancelled ones too, is listed here" color={theme.muted} />}
        />
    </Overlay>
  );
}
