// One terminal row built from styled segments. Rows never wrap: a wrapped row would spill into the
// pane below, so every row is truncated by Ink as a backstop to the column arithmetic.
import { Text } from 'ink';
import { createContext, useContext } from 'react';
import type { Colour } from '../theme/theme.js';
import { clean } from '../../src/text/index.js';

export interface Segment {
  text: string;
  color?: Colour;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

/** Set by a pane showing its last good data under an error: everything inside renders dimmed. */
export const DimContext = createContext(false);

export function Line({ segments, inverse, bold }: { segments: Segment[]; inverse?: boolean; bold?: boolean }) {
  const dim = useContext(DimContext);
  return (
    <Text wrap="truncate-end" inverse={inverse} bold={bold} dimColor={dim}>
      {segments.map((s, i) => (
        <Text
          key={i}
          color={s.color}
          bold={s.bold}
          dimColor={dim || s.dim}
          inverse={s.inverse}
          underline={s.underline}
        >
          {clean(s.text)}
        </Text>
      ))}
    </Text>
  );
}

/** A row with a single plain text. */
export const TextLine = ({ text, color, bold, dim }: Segment) => (
  <Line segments={[{ text, color, bold, dim }]} />
);
