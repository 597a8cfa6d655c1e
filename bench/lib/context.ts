// What every figure gets: the bin under test, the mode, and a place for remarks printed under the table.
export interface Bench {
  bin: string;
  quick: boolean;
  note(text: string): void;
}

/** The first line of an error: enough to say why a row failed without pasting a whole screen. */
export const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** The last non-empty rows of a screen: what the program said before it exited. */
export const lastWords = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).split('\n').slice(1).filter((l) => l.trim()).slice(-3).join(' | ');
