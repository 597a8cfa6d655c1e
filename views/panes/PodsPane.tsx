import type { PodInfo } from '../../src/state/types.js';
import { isPodProblem, visiblePods } from '../../src/runtime/selectors.js';
import { Pane } from '../components/Pane.js';
import { Table, windowStart, type Column } from '../components/Table.js';
import { TextLine, type Segment } from '../components/Line.js';
import { badgeText, podBadge, toneColour } from '../theme/glyphs.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';
import { formatAge } from '../../src/lib/duration.js';
import { plural } from '../format.js';
import { filterLabel } from './filterLabel.js';
import type { PaneViewProps } from './types.js';
import { Box } from 'ink';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { ActionHintLine, hasActionHints } from './ActionHints.js';

function podColumns(theme: Theme, now: number, rich: boolean, oneNamespace: boolean): Column<PodInfo>[] {
  const cols: Column<PodInfo>[] = [
    // One namespace (shown in the status bar) needs no column: the room goes to pod names.
    ...(oneNamespace ? [] : [{ header: 'NAMESPACE', width: 9, flex: 1, dropOrder: 6, cell: (p: PodInfo) => ({ text: p.namespace }) }]),
    {
      // Pod names are what people search for: they keep 24 cells before NAMESPACE does.
      header: 'NAME',
      width: 24,
      flex: 3,
      cut: 'middle',
      cell: (p) => ({ text: p.name, color: isPodProblem(p) ? theme.danger : undefined, bold: isPodProblem(p) }),
    },
    {
      header: 'READY',
      width: 5,
      dropOrder: 1,
      cell: (p) => ({ text: `${p.ready}/${p.total}`, color: p.ready < p.total ? theme.warning : undefined }),
    },
    {
      header: 'STATUS',
      width: 18,
      cell: (p) => {
        const b = podBadge(p);
        return { text: badgeText(b), color: toneColour(theme, b.tone), bold: b.tone === 'danger' };
      },
    },
    {
      header: 'RESTARTS',
      width: 8,
      align: 'right',
      dropOrder: 2,
      cell: (p) => ({ text: String(p.restarts), color: p.restarts > 0 ? theme.warning : undefined }),
    },
    { header: 'AGE', width: 5, align: 'right', dropOrder: 4, cell: (p) => ({ text: formatAge(now - p.createdAt) }) },
    { header: 'NODE', width: 10, flex: 1, dropOrder: 7, cell: (p) => ({ text: p.node || '<none>' }) },
  ];
  if (rich) {
    cols.push({ header: 'OWNER', width: 12, flex: 1, dropOrder: 8, cell: (p) => ({ text: p.owner ?? '' }) });
  }
  return cols;
}

export function podsSummary(pods: PodInfo[], shown: number, filter: string): string {
  const failing = pods.filter(isPodProblem).length;
  const base = `${plural(pods.length, 'pod')}, ${failing} failing`;
  return filter ? `${filter} ${shown}/${base}` : base;
}

export function PodsPane({ state, width, height, focused, rich, keymap = DEFAULT_KEYMAP }: PaneViewProps) {
  const theme = useTheme();
  const hints = hasActionHints(state, 'pods', keymap) && height > 6;
  const pods = visiblePods(state);
  const all = state.kube.data?.pods ?? [];
  const selected = pods.length ? Math.max(0, Math.min(state.ui.selection.pods, pods.length - 1)) : null;
  const status: Segment[] = [];
  if (state.kube.data?.watch === 'reconnecting') status.push({ text: '↻ watch reconnecting ', color: theme.warning });
  const bodyRows = Math.max(0, height - 4 - (hints ? 1 : 0));
  if (pods.length > bodyRows && bodyRows > 0) {
    const start = windowStart(pods.length, selected ?? 0, bodyRows);
    status.push({ text: `${start + 1}-${Math.min(pods.length, start + bodyRows)} of ${pods.length}`, color: theme.muted });
  }
  return (
    <Pane
      title="Pods"
      focused={focused}
      width={width}
      height={height}
      source={state.kube}
      now={state.now}
      summary={state.kube.data ? podsSummary(all, pods.length, filterLabel(state, 'pods')) : filterLabel(state, 'pods') || undefined}
      status={status}
      live={state.kube.data?.watch === 'live' ? '● watching (live)' : undefined}
    >
      {(size) => (
        <Box flexDirection="column" width={size.width} height={size.height}>
          <Table
            columns={podColumns(theme, state.now, rich, new Set(all.map((p) => p.namespace)).size === 1)}
            rows={pods}
            selected={selected}
            focused={focused}
            width={size.width}
            height={size.height - (hints ? 1 : 0)}
            keyOf={(p) => p.uid || `${p.namespace}/${p.name}`}
            empty={<TextLine text={all.length ? 'no pods match the filter' : 'no pods'} color={theme.muted} />}
          />
          {hints && <ActionHintLine state={state} pane="pods" keymap={keymap} width={size.width} />}
        </Box>
      )}
    </Pane>
  );
}
