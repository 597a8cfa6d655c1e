import { Box } from 'ink';
import type { LogLine, LogsData } from '../../src/state/types.js';
import { linesSincePause, visibleLogLines } from '../../src/runtime/selectors.js';
import { Pane } from '../components/Pane.js';
import { Line, TextLine, type Segment } from '../components/Line.js';
import { windowStart } from '../components/Table.js';
import { LEVEL_TAG, toneColour, type Tone } from '../theme/glyphs.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Colour, Theme } from '../theme/theme.js';
import { formatClock } from '../format.js';
import { cellWidth, fit } from '../../src/text/index.js';
import { filterLabel } from './filterLabel.js';
import { errorHotspots } from './errorHotspots.js';
import type { PaneViewProps } from './types.js';

/** A stable colour per pod name, so one pod keeps its colour as lines scroll (stern-style). */
export function podColour(pod: string, palette: Colour[]): Colour {
  let h = 0;
  for (let i = 0; i < pod.length; i++) h = (h * 31 + pod.charCodeAt(i)) >>> 0;
  return palette[h % palette.length];
}

const STREAM: Record<LogsData['stream'], { text: string; tone: Tone }> = {
  live: { text: '● live', tone: 'ok' },
  connecting: { text: '… connecting', tone: 'warning' },
  reconnecting: { text: '↻ reconnecting', tone: 'warning' },
  ended: { text: '■ ended', tone: 'danger' },
  idle: { text: '○ idle: press f on a pod', tone: 'muted' },
};

export const streamLabel = (stream: LogsData['stream']): string => STREAM[stream].text;

export function targetLabel(data: LogsData | null): string {
  const t = data?.target;
  return t ? `${t.kind} ${t.namespace}/${t.name}` : 'no target';
}

/**
 * The part of the pod names that tells them apart: pods of one Deployment share
 * "<deployment>-<replicaset hash>-", which only eats width on a narrow pane.
 */
export function commonPodPrefix(pods: string[]): string {
  if (pods.length < 2) return '';
  let prefix = pods[0]!;
  for (const p of pods) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = prefix.lastIndexOf('-');
  return cut > 0 ? prefix.slice(0, cut + 1) : '';
}

function sourceLabel(line: LogLine, rich: boolean, prefix: string): string {
  if (rich && line.container) return `${line.pod}/${line.container}`;
  return prefix && line.pod.startsWith(prefix) ? `…${line.pod.slice(prefix.length)}` : line.pod;
}

function logRow(line: LogLine, theme: Theme, podWidth: number, rich: boolean, prefix: string): Segment[] {
  const lvl = LEVEL_TAG[line.level];
  const source = sourceLabel(line, rich, prefix);
  return [
    { text: `${formatClock(line.ts)} `, color: theme.muted },
    { text: `${lvl.tag} `, color: toneColour(theme, lvl.tone), bold: line.level === 'error' },
    { text: `${fit(source, podWidth, "left", "middle")} `, color: podColour(line.pod, theme.podPalette) },
    { text: line.text, color: line.level === 'error' ? theme.danger : line.level === 'debug' ? theme.muted : undefined },
  ];
}

export function LogsPane({ state, width, height, focused, rich }: PaneViewProps) {
  const theme = useTheme();
  const data = state.logs.data;
  const lines = visibleLogLines(state);
  const paused = state.ui.logsFrozen !== null;
  const bodyRows = Math.max(0, height - 3);
  const selected = Math.max(0, Math.min(state.ui.selection.logs, lines.length - 1));
  // Live: newest at the bottom. Paused: the window stays around the selected line so it can be read.
  const start = paused ? windowStart(lines.length, selected, bodyRows) : Math.max(0, lines.length - bodyRows);
  const shown = lines.slice(start, start + bodyRows);

  const status: Segment[] = [];
  if (paused) {
    const fresh = linesSincePause(state);
    status.push({ text: ' PAUSED ', inverse: true, bold: true }, { text: fresh > 0 ? ` +${fresh} new (p shows) ` : ' ', bold: fresh > 0 });
  }
  if (data) {
    const s = STREAM[data.stream];
    status.push({ text: s.text, color: toneColour(theme, s.tone) });
    if (data.dropped > 0) status.push({ text: ` · ${data.dropped} dropped`, color: theme.muted });
  }
  // Least important on this line, so last: what is cut for width is the hint, never the stream's health.
  const hotspots = errorHotspots(state);
  if (hotspots) status.push({ text: ` · ${hotspots}`, color: state.logErrors.data?.total ? theme.warning : theme.muted });
  const filter = filterLabel(state, 'logs');
  const summary = `${targetLabel(data)}${filter ? ` ${filter} ${lines.length}/${data?.lines.length ?? 0}` : ''}`;

  return (
    <Pane
      title="Logs"
      focused={focused}
      width={width}
      height={height}
      source={state.logs}
      now={state.now}
      summary={summary}
      status={status}
    >
      {(size) => {
        if (shown.length === 0) {
          const msg =
            paused && lines.length === 0 && !state.ui.filter.logs
              ? 'paused: new lines wait for p'
              : data?.lines.length
                ? 'no lines match the filter'
                : data?.target
                  ? 'waiting for log lines…'
                  : 'no pod followed: select a pod and press f';
          return <TextLine text={msg} color={theme.muted} />;
        }
        const prefix = size.width < 110 ? commonPodPrefix([...new Set(shown.map((l) => l.pod))]) : '';
        const longest = Math.max(...shown.map((l) => cellWidth(sourceLabel(l, rich, prefix))));
        const podWidth = Math.max(4, Math.min(longest, Math.floor(size.width * (rich ? 0.35 : 0.3))));
        return (
          <Box flexDirection="column" width={size.width} height={size.height} overflow="hidden">
            {shown.map((l, i) => (
              <Line
                key={l.seq}
                segments={logRow(l, theme, podWidth, rich, prefix)}
                inverse={paused && focused && start + i === selected}
              />
            ))}
          </Box>
        );
      }}
    </Pane>
  );
}
