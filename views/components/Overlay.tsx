// A full-size bordered box drawn over the panes (help, the Actions view), its title set into the top border.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { cellWidth } from '../../src/text/index.js';
import { Line, type Segment } from './Line.js';

export function Overlay({ title, width, height, children }: { title: Segment[]; width: number; height: number; children: ReactNode }) {
  const head: Segment[] = [{ text: '┏━ ' }, ...title];
  const used = head.reduce((w, s) => w + cellWidth(s.text), 0);
  head.push({ text: `${'━'.repeat(Math.max(0, width - used - 1))}┓` });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line segments={head} />
      <Box borderStyle="bold" borderTop={false} flexDirection="column" width={width} height={height - 1} overflow="hidden">
        {children}
      </Box>
    </Box>
  );
}
