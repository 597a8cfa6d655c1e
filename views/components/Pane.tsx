// A bordered pane: title and summary in the top border, one status line (spinner while loading,
// "updated Ns ago", or the error in red), then the body. On error the last good data stays, dimmed.
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { ReactNode } from 'react';
import type { SourceState } from '../../src/state/types.js';
import { useTheme } from '../theme/ThemeContext.js';
import { useMotion } from '../theme/DisplayContext.js';
import { formatSince } from '../../src/lib/duration.js';
import { cellWidth, clip } from '../../src/text/index.js';
import { DimContext, Line, type Segment } from './Line.js';

export interface BodySize {
  width: number;
  height: number;
}

export interface PaneProps {
  title: string;
  focused: boolean;
  width: number;
  height: number;
  source: Pick<SourceState<unknown>, 'data' | 'error' | 'updatedAt' | 'loading'>;
  now: number;
  /** shown after the title in the top border, e.g. "38 pods, 3 failing" */
  summary?: string;
  /** right-hand side of the status line, e.g. "1-12 of 38" or a PAUSED badge */
  status?: Segment[];
  /**
   * Shown instead of "updated Ns ago" while the source streams (a live watch is fresh by definition, and a
   * ticking age would redraw the line every second for nothing).
   */
  live?: string;
  /** body when there is data; never called without data */
  children: (size: BodySize) => ReactNode;
}

const BORDERS = {
  focused: { tl: '┏', tr: '┓', h: '━', style: 'bold' as const },
  normal: { tl: '┌', tr: '┐', h: '─', style: 'single' as const },
};

/** Top border with the title (inverse when focused) and the summary, exactly `width` cells wide. */
function TopBorder({ title, summary, focused, width }: { title: string; summary?: string; focused: boolean; width: number }) {
  const theme = useTheme();
  const b = focused ? BORDERS.focused : BORDERS.normal;
  const inner = Math.max(0, width - 2);
  const titleText = clip(` ${title} `, Math.max(0, inner - 1));
  const rest = inner - 1 - cellWidth(titleText);
  const summaryText = summary && rest > 4 ? clip(` ${summary} `, rest - 2) : '';
  const fill = Math.max(0, rest - cellWidth(summaryText) - (summaryText ? 1 : 0));
  if (width < 2) return <Text>{''}</Text>;
  return (
    <Text wrap="truncate-end">
      <Text color={focused ? theme.focus : undefined}>{b.tl + b.h}</Text>
      <Text bold inverse={focused} color={focused ? undefined : theme.accent}>
        {titleText}
      </Text>
      {summaryText ? (
        <>
          <Text color={focused ? theme.focus : undefined}>{b.h}</Text>
          <Text>{summaryText}</Text>
        </>
      ) : null}
      <Text color={focused ? theme.focus : undefined}>{b.h.repeat(fill) + b.tr}</Text>
    </Text>
  );
}

function StatusLine({ source, now, extra, width, live }: { source: PaneProps['source']; now: number; extra?: Segment[]; width: number; live?: string }) {
  const theme = useTheme();
  const motion = useMotion();
  const extraText = (extra ?? []).map((s) => s.text).join('');
  const extraWidth = Math.min(cellWidth(extraText), Math.floor(width / 2));
  const left = Math.max(0, width - extraWidth - (extraWidth ? 1 : 0));
  const hasData = source.data !== null;
  let main: ReactNode;
  if (source.error) {
    const suffix = hasData && source.updatedAt !== null ? ` (showing data from ${formatSince(now - source.updatedAt)} ago)` : '';
    main = <Line segments={[{ text: clip(`✖ ${source.error}${suffix}`, left), color: theme.danger, bold: true }]} />;
  } else if (source.loading) {
    main = (
      <Text wrap="truncate-end">
        {motion ? <Spinner type="dots" /> : '·'} <Text>{clip('loading…', Math.max(0, left - 2))}</Text>
      </Text>
    );
  } else if (live && source.data !== null) {
    main = <Line segments={[{ text: clip(live, left), color: theme.muted }]} />;
  } else if (source.updatedAt !== null) {
    main = <Line segments={[{ text: clip(`updated ${formatSince(now - source.updatedAt)} ago`, left), color: theme.muted }]} />;
  } else {
    main = <Line segments={[{ text: clip('not configured', left), color: theme.muted }]} />;
  }
  return (
    <Box width={width} height={1} overflow="hidden">
      <Box width={left} height={1} overflow="hidden">
        {main}
      </Box>
      {extraWidth > 0 && (
        <Box width={extraWidth + 1} height={1} justifyContent="flex-end" overflow="hidden">
          <Line segments={(extra ?? []).map((s) => ({ ...s, text: s.text }))} />
        </Box>
      )}
    </Box>
  );
}

/** The message a pane body shows when it has no data to draw. */
export function emptyMessage(source: PaneProps['source']): string {
  if (source.loading) return 'no data yet';
  if (source.error) return 'no data (see the error above)';
  return 'not configured';
}

export function Pane({ title, focused, width, height, source, now, summary, status, live, children }: PaneProps) {
  const theme = useTheme();
  const innerWidth = Math.max(0, width - 2);
  const bodyHeight = Math.max(0, height - 3);
  const b = focused ? BORDERS.focused : BORDERS.normal;
  if (height <= 0 || width <= 0) return null;
  if (height === 1) return <TopBorder title={title} summary={summary} focused={focused} width={width} />;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <TopBorder title={title} summary={summary} focused={focused} width={width} />
      <Box
        // Ink applies only changed styles on update, so a new borderStyle would bring back the top
        // border we turned off; remounting on focus change keeps borderTop={false} in force.
        key={focused ? 'focused' : 'normal'}
        flexDirection="column"
        width={width}
        height={height - 1}
        borderStyle={b.style}
        borderTop={false}
        borderColor={focused ? theme.focus : undefined}
        overflow="hidden"
      >
        <StatusLine source={source} now={now} extra={status} width={innerWidth} live={live} />
        {bodyHeight > 0 && (
          <Box flexDirection="column" width={innerWidth} height={bodyHeight} overflow="hidden">
            {source.data === null ? (
              <Line segments={[{ text: clip(emptyMessage(source), innerWidth), color: theme.muted }]} />
            ) : (
              <DimContext.Provider value={source.error !== null}>
                {children({ width: innerWidth, height: bodyHeight })}
              </DimContext.Provider>
            )}
          </Box>
        )}
      </Box>
    </Box>
  );
}
