import type { SloValue } from '../../src/state/types.js';
import { Pane } from '../components/Pane.js';
import { Table, type Column } from '../components/Table.js';
import { TextLine } from '../components/Line.js';
import { badgeText, sloBadge, toneColour } from '../theme/glyphs.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';
import { formatBurn, formatPercent, formatSloTarget, formatSloValue } from '../format.js';
import type { PaneViewProps } from './types.js';

function sloColumns(theme: Theme): Column<SloValue>[] {
  return [
    { header: 'SLO', width: 12, flex: 2, cell: (s) => ({ text: s.name }) },
    {
      header: 'VALUE',
      width: 7,
      align: 'right',
      cell: (s) => ({ text: formatSloValue(s.unit, s.value), color: toneColour(theme, sloBadge(s.status).tone) }),
    },
    { header: 'TARGET', width: 7, align: 'right', dropOrder: 2, cell: (s) => ({ text: formatSloTarget(s) }) },
    {
      header: 'BUDGET',
      width: 6,
      align: 'right',
      dropOrder: 3,
      cell: (s) => ({
        text: formatPercent(s.budgetRemaining),
        color: s.budgetRemaining !== null && s.budgetRemaining < 0.25 ? theme.danger : undefined,
      }),
    },
    {
      header: 'BURN',
      width: 4,
      align: 'right',
      dropOrder: 1,
      cell: (s) => ({ text: formatBurn(s.burnRate), color: s.burnRate !== null && s.burnRate > 1 ? theme.warning : undefined }),
    },
    {
      header: 'STATUS',
      width: 10,
      flex: 1,
      cell: (s) => {
        const b = sloBadge(s.status);
        return { text: badgeText(b), color: toneColour(theme, b.tone), bold: b.tone === 'danger' };
      },
    },
  ];
}

export function slosSummary(slos: SloValue[]): string {
  const bad = slos.filter((s) => s.status === 'critical' || s.status === 'warning');
  if (slos.length === 0) return 'no SLOs';
  if (bad.length === 0) {
    const unknown = slos.filter((s) => s.status === 'unknown').length;
    return unknown ? `${slos.length - unknown} ok, ${unknown} no data` : `all ${slos.length} ok`;
  }
  const worst = bad.find((s) => s.status === 'critical') ?? bad[0]!;
  const b = sloBadge(worst.status);
  return `${badgeText(b)}: ${worst.name} ${formatSloValue(worst.unit, worst.value)}${bad.length > 1 ? ` (+${bad.length - 1})` : ''}`;
}

export function SlosPane({ state, width, height, focused }: PaneViewProps) {
  const theme = useTheme();
  const slos = state.slos.data ?? [];
  const selected = slos.length ? Math.max(0, Math.min(state.ui.selection.slos, slos.length - 1)) : null;
  return (
    <Pane
      title="SLOs"
      focused={focused}
      width={width}
      height={height}
      source={state.slos}
      now={state.now}
      summary={state.slos.data ? slosSummary(slos) : undefined}
    >
      {(size) => (
        <Table
          columns={sloColumns(theme)}
          rows={slos}
          selected={selected}
          focused={focused}
          width={size.width}
          height={size.height}
          keyOf={(s) => s.id}
          empty={<TextLine text="no SLOs configured" color={theme.muted} />}
        />
      )}
    </Pane>
  );
}
