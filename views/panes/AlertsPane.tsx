import type { AlertGroup, AlertInfo } from '../../src/state/types.js';
import { visibleAlertGroups } from '../../src/runtime/selectors.js';
import { Pane } from '../components/Pane.js';
import { Table, type Column } from '../components/Table.js';
import { TextLine } from '../components/Line.js';
import { severityBadge, toneColour } from '../theme/glyphs.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';
import { formatSince } from '../../src/lib/duration.js';
import { plural } from '../format.js';
import { filterLabel } from './filterLabel.js';
import type { PaneViewProps } from './types.js';
import { Box } from 'ink';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { ActionHintLine, hasActionHints } from './ActionHints.js';

const isSilenced = (a: AlertInfo) => a.silencedBy.length > 0;
const isInhibited = (a: AlertInfo) => a.inhibitedBy.length > 0;

/** "[silenced]" when every alert of the group is, "[2/3 silenced]" when some are; ASCII-safe. */
export function silencedMark(g: AlertGroup): string {
  const n = g.alerts.filter(isSilenced).length;
  if (n === 0) return g.alerts.every(isInhibited) ? '[inhibited]' : '';
  return n === g.alerts.length ? '[silenced]' : `[${n}/${g.alerts.length} silenced]`;
}

const oldest = (g: AlertGroup) => Math.min(...g.alerts.map((a) => a.startsAt));

/** The labels that locate an alert, in the order an on-call engineer looks for them. */
function where(a: AlertInfo | undefined): string {
  if (!a) return '';
  const keys = ['namespace', 'deployment', 'pod', 'service', 'job', 'instance'];
  return keys
    .filter((k) => a.labels[k])
    .map((k) => `${k}=${a.labels[k]}`)
    .join(' ');
}

function alertColumns(theme: Theme, now: number, rich: boolean): Column<AlertGroup>[] {
  const cols: Column<AlertGroup>[] = [
    {
      header: 'SEVERITY',
      width: 10,
      cell: (g) => {
        const b = severityBadge(g.severity);
        return { text: `${b.glyph} ${b.word}`, color: toneColour(theme, b.tone), bold: b.tone === 'danger' };
      },
    },
    { header: 'ALERT', width: 16, flex: 3, cell: (g) => ({ text: g.alertname, bold: true }) },
    { header: 'N', width: 3, align: 'right', dropOrder: 2, cell: (g) => ({ text: `×${g.alerts.length}` }) },
    { header: 'SINCE', width: 5, align: 'right', dropOrder: 3, cell: (g) => ({ text: formatSince(now - oldest(g)) }) },
    {
      // The silenced mark leads the summary so it survives narrow panes.
      header: 'SUMMARY',
      width: 10,
      flex: 2,
      dropOrder: 1,
      cell: (g) => {
        const mark = silencedMark(g);
        const summary = g.alerts[0]?.summary ?? '';
        return mark ? { text: `${mark} ${summary}`, color: theme.muted } : { text: summary };
      },
    },
  ];
  if (rich) {
    cols.push({ header: 'WHERE', width: 16, flex: 2, dropOrder: 5, cell: (g) => ({ text: where(g.alerts[0]), color: theme.muted }) });
  }
  return cols;
}

export function alertsSummary(groups: AlertGroup[]): string {
  const alerts = groups.flatMap((g) => g.alerts);
  if (alerts.length === 0) return 'no alerts firing';
  const silenced = alerts.filter(isSilenced).length;
  const critical = alerts.filter((a) => a.severity === 'critical' && !isSilenced(a)).length;
  const parts = [`${alerts.length - silenced} firing`];
  if (critical) parts.push(`${critical} critical`);
  if (silenced) parts.push(`${silenced} silenced`);
  return parts.join(', ');
}

export function AlertsPane({ state, width, height, focused, rich, keymap = DEFAULT_KEYMAP }: PaneViewProps) {
  const theme = useTheme();
  const hints = hasActionHints(state, 'alerts', keymap) && height > 5;
  const groups = visibleAlertGroups(state);
  const selected = groups.length ? Math.max(0, Math.min(state.ui.selection.alerts, groups.length - 1)) : null;
  const filter = filterLabel(state, 'alerts');
  const summary = state.alerts.data ? `${filter ? `${filter} ` : ''}${alertsSummary(groups)}` : filter || undefined;
  const silences = state.alerts.data?.silences.filter((s) => s.state === 'active').length ?? 0;
  return (
    <Pane
      title="Alerts"
      focused={focused}
      width={width}
      height={height}
      source={state.alerts}
      now={state.now}
      summary={summary}
      status={silences ? [{ text: plural(silences, 'active silence'), color: theme.muted }] : undefined}
    >
      {(size) => (
        <Box flexDirection="column" width={size.width} height={size.height}>
          <Table
            columns={alertColumns(theme, state.now, rich)}
            rows={groups}
            selected={selected}
            focused={focused}
            width={size.width}
            height={size.height - (hints ? 1 : 0)}
            keyOf={(g) => g.alertname}
            empty={
              <TextLine
                text={state.alerts.data?.groups.length ? 'no alerts match the filter' : '✔ no alerts firing'}
                color={theme.ok}
              />
            }
          />
          {hints && <ActionHintLine state={state} pane="alerts" keymap={keymap} width={size.width} />}
        </Box>
      )}
    </Pane>
  );
}
