import type { ConsensusData, ConsensusMember } from '../../src/state/types.js';
import { Box } from 'ink';
import { Pane } from '../components/Pane.js';
import { Table, type Column } from '../components/Table.js';
import { Line, TextLine, type Segment } from '../components/Line.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';
import { formatSince } from '../../src/lib/duration.js';
import type { PaneViewProps } from './types.js';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { ActionHintLine, hasActionHints } from './ActionHints.js';

const num = (n: number | null) => (n === null ? '—' : String(n));

function memberColumns(theme: Theme, rich: boolean): Column<ConsensusMember>[] {
  const cols: Column<ConsensusMember>[] = [
    { header: 'MEMBER', width: 16, cell: (m) => ({ text: m.name || m.endpoint, bold: m.isLeader }) },
    { header: 'ID', width: 6, dropOrder: 6, cell: (m) => ({ text: m.id, dim: true }) },
    {
      header: 'ROLE',
      width: 8,
      cell: (m) => (m.isLeader ? { text: '★ LEADER', bold: true, color: theme.accent } : { text: 'follower' }),
    },
    { header: 'TERM', width: 4, align: 'right', dropOrder: 3, cell: (m) => ({ text: num(m.term) }) },
    { header: 'COMMIT', width: 7, align: 'right', dropOrder: 1, cell: (m) => ({ text: num(m.commitIndex) }) },
  ];
  if (rich) {
    cols.push({ header: 'APPLIED', width: 7, align: 'right', dropOrder: 4, cell: (m) => ({ text: num(m.appliedIndex) }) });
    cols.push({ header: 'ENDPOINT', width: 14, flex: 1, dropOrder: 5, cell: (m) => ({ text: m.endpoint, dim: true }) });
  }
  cols.push({
    // Health takes the spare room: an unhealthy member's error is the thing to read.
    header: 'HEALTH',
    width: 12,
    flex: 1,
    cell: (m) =>
      m.healthy
        ? { text: '✔ healthy', color: theme.ok }
        : { text: `✖ ${m.error ? m.error : 'unhealthy'}`, color: theme.danger, bold: true },
  });
  return cols;
}

function leaderName(data: ConsensusData): string {
  if (data.leaderId === null) return 'none';
  const m = data.members.find((x) => x.id === data.leaderId);
  return m?.name || data.leaderId;
}

export function consensusSummary(data: ConsensusData): string {
  return `leader ${leaderName(data)} · term ${num(data.term)} · quorum ${data.hasQuorum ? 'ok' : 'LOST'}`;
}

function summaryLine(data: ConsensusData, theme: Theme, now: number): Segment[] {
  const last = data.lastLeaderChangeAt !== null ? ` · last leader change ${formatSince(now - data.lastLeaderChangeAt)} ago` : '';
  // Quorum first: it is the one fact that must survive truncation.
  return [
    data.hasQuorum ? { text: '✔ quorum ok', color: theme.ok } : { text: '✖ quorum LOST', color: theme.danger, bold: true },
    { text: ' · leader ' },
    { text: leaderName(data), bold: true, color: data.leaderId === null ? theme.danger : undefined },
    { text: last },
  ];
}

export const consensusTitle = (data: ConsensusData): string =>
  `term ${num(data.term)} · ${data.leaderChanges} leader change${data.leaderChanges === 1 ? '' : 's'} seen`;

export function ConsensusPane({ state, width, height, focused, rich, keymap = DEFAULT_KEYMAP }: PaneViewProps) {
  const theme = useTheme();
  const hints = hasActionHints(state, 'consensus', keymap) && height > 6;
  const data = state.consensus.data;
  const members = data?.members ?? [];
  const selected = members.length ? Math.max(0, Math.min(state.ui.selection.consensus, members.length - 1)) : null;
  return (
    <Pane
      title="Consensus"
      focused={focused}
      width={width}
      height={height}
      source={state.consensus}
      now={state.now}
      summary={data ? consensusTitle(data) : undefined}
    >
      {(size) =>
        data ? (
          <Box flexDirection="column" width={size.width} height={size.height}>
            <Line segments={summaryLine(data, theme, state.now)} />
            <Table
              columns={memberColumns(theme, rich)}
              rows={members}
              selected={selected}
              focused={focused}
              width={size.width}
              height={size.height - 1 - (hints ? 1 : 0)}
              keyOf={(m) => m.id || m.endpoint}
              empty={<TextLine text="no members reported" color={theme.muted} />}
            />
            {hints && <ActionHintLine state={state} pane="consensus" keymap={keymap} width={size.width} />}
          </Box>
        ) : null
      }
    </Pane>
  );
}
