// Errors in Prometheus' own words, so a client shows the same text against the simulator and the real thing.

/** A parse error, rendered like Prometheus: "1:14: parse error: unexpected end of input". */
export class PromqlParseError extends Error {
  constructor(
    readonly pos: number,
    readonly detail: string,
    input: string,
  ) {
    super(`${lineCol(input, pos)}: parse error: ${detail}`);
  }
}

/** An error while evaluating a well-formed query (Prometheus' errorType "execution"). */
export class PromqlExecError extends Error {}

function lineCol(input: string, pos: number): string {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < pos && i < input.length; i++) {
    if (input[i] === '\n') {
      line++;
      lastBreak = i;
    }
  }
  return `${line}:${pos - lastBreak}`;
}
