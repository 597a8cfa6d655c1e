import { Box, Text } from 'ink';
import { useContext } from 'react';
import type { LatencyData } from '../../src/state/types.js';
import { Pane } from '../components/Pane.js';
import { DimContext, Line, TextLine, type Segment } from '../components/Line.js';
import { useTheme } from '../theme/ThemeContext.js';
import { useMotion } from '../theme/DisplayContext.js';

/** Chart rows in low-bandwidth mode. */
const LOW_BANDWIDTH_CHART_ROWS = 5;
import type { Theme } from '../theme/theme.js';
import { formatSeconds } from '../format.js';
import { cellWidth } from '../../src/text/index.js';
import { finiteValues, lastValue, plotLatency } from './chart.js';
import type { PaneViewProps } from './types.js';

/** P99 against the SLO line, in words: the one fact this pane exists to show. */
export function p99Verdict(data: LatencyData): { text: string; over: boolean } | null {
  const p99 = lastValue(data.p99);
  if (p99 === null) return null;
  const over = p99 > data.thresholdSeconds;
  const limit = seconds(data.thresholdSeconds);
  return { text: over ? `✖ P99 over ${limit}` : `✔ P99 under ${limit}`, over };
}

export function latencySummary(data: LatencyData): string {
  const v = (p: LatencyData['p50']) => {
    const x = lastValue(p);
    return x === null ? '—' : formatSeconds(x);
  };
  const verdict = p99Verdict(data);
  return `P50 ${v(data.p50)} P95 ${v(data.p95)} P99 ${v(data.p99)}${verdict ? ` ${verdict.text}` : ''}`;
}

const seconds = (v: number) => formatSeconds(v).replace(/\.00s$/, 's');

function legend(data: LatencyData, theme: Theme, width: number): Segment[] {
  const item = (name: string, points: LatencyData['p50'], color: string | undefined): Segment[] => {
    const x = lastValue(points);
    return [
      { text: '─ ', color },
      { text: `${name} ${x === null ? '—' : formatSeconds(x)} ` },
    ];
  };
  const verdict = p99Verdict(data);
  const segments: Segment[] = [
    ...item('P50', data.p50, theme.ok),
    ...item('P95', data.p95, theme.warning),
    ...item('P99', data.p99, theme.danger),
    { text: '─ ', color: theme.muted },
    { text: `SLO ${seconds(data.thresholdSeconds)}  ` },
  ];
  // The verdict is also in the title, so it only joins the legend when it fits whole.
  const used = cellWidth(segments.map((s) => s.text).join(''));
  if (verdict && used + cellWidth(verdict.text) <= width) {
    segments.push({ text: verdict.text, color: verdict.over ? theme.danger : theme.ok, bold: verdict.over });
  }
  return segments;
}

function Chart({ data, width, height }: { data: LatencyData; width: number; height: number }) {
  const theme = useTheme();
  const dim = useContext(DimContext);
  // a short chart in low-bandwidth mode: every poll shifts every row of it
  const rows = useMotion() ? height : Math.min(height, LOW_BANDWIDTH_CHART_ROWS);
  // Colours come as raw SGR from asciichart; under an error the chart is dimmed instead.
  const colourful = theme.color && !dim;
  const lines = plotLatency({
    series: [
      { values: finiteValues(data.p50), colour: colourful ? theme.chart.p50 : undefined },
      { values: finiteValues(data.p95), colour: colourful ? theme.chart.p95 : undefined },
      { values: finiteValues(data.p99), colour: colourful ? theme.chart.p99 : undefined },
    ],
    threshold: data.thresholdSeconds,
    thresholdColour: colourful ? theme.chart.threshold : undefined,
    width,
    height: rows,
  });
  if (lines.length === 0) return <TextLine text="no samples yet" color={theme.muted} />;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((l, i) => (
        // asciichart output is built from numbers only, so it is printed as is (no untrusted text).
        <Text key={i} wrap="truncate-end" dimColor={dim}>
          {l}
        </Text>
      ))}
    </Box>
  );
}

export function LatencyPane({ state, width, height, focused }: PaneViewProps) {
  const theme = useTheme();
  const data = state.latency.data;
  return (
    <Pane
      title="Latency"
      focused={focused}
      width={width}
      height={height}
      source={state.latency}
      now={state.now}
      summary={data ? p99Verdict(data)?.text : undefined}
    >
      {(size) =>
        data ? (
          <Box flexDirection="column" width={size.width} height={size.height}>
            <Line segments={legend(data, theme, size.width)} />
            {size.height > 2 && <Chart data={data} width={size.width} height={size.height - 1} />}
          </Box>
        ) : null
      }
    </Pane>
  );
}
