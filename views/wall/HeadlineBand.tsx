// The wall's headline band: headlineLines drawn with the theme's colours. Exactly `height` rows.
import { Box } from 'ink';
import type { Headline } from '../../src/runtime/headline.js';
import { Line, type Segment } from '../components/Line.js';
import { useTheme } from '../theme/ThemeContext.js';
import { toneColour } from '../theme/glyphs.js';
import { headlineLines } from './headlineLines.js';
import type { BandLine } from './segments.js';

export interface HeadlineBandProps {
  headline: Headline;
  width: number;
  height: number;
  /** '#' letters and ASCII-only text */
  ascii?: boolean;
}

export function HeadlineBand({ headline, width, height, ascii = false }: HeadlineBandProps) {
  const theme = useTheme();
  if (width <= 0 || height <= 0) return null;
  const lines = headlineLines(headline, { width, height, ascii });
  const styled = (line: BandLine): Segment[] =>
    // an empty Text takes no row in Ink, and the rows below would move up into its place
    line.length === 0
      ? [{ text: ' ' }]
      : line.map((s) => ({ text: s.text, color: toneColour(theme, s.tone ?? 'none'), bold: s.bold, inverse: s.inverse }));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((line, i) => (
        <Line key={i} segments={styled(line)} />
      ))}
    </Box>
  );
}
