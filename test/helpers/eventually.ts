// The one way tests wait for something asynchronous (a source's next state, a simulator reconcile, a
// server coming up): poll until the probe returns a truthy value, bounded so that a broken peer fails the
// test with what it was waiting for and what it last saw, instead of hanging it. Not a timing assertion.

export interface EventuallyOptions {
  /** give up after this long (default 5000 ms) */
  timeoutMs?: number;
  /** pause between probes (default 20 ms) */
  everyMs?: number;
}

/**
 * Resolves with the first truthy value `probe` returns. A probe that throws counts as "not yet" (a server
 * still starting refuses connections); the last error or value is in the timeout message.
 */
export async function eventually<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  opts: EventuallyOptions = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const everyMs = opts.everyMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let last: string = 'nothing yet';
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = `last value: ${describe(v)}`;
    } catch (err) {
      last = `last error: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${last}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until `get()` satisfies `ok`, and returns that value (for state snapshots kept in a variable). */
export function eventuallyValue<T>(what: string, get: () => T, ok: (v: T) => boolean, opts: EventuallyOptions = {}): Promise<T> {
  return eventually(what, () => {
    const v = get();
    if (ok(v)) return { v };
    throw new Error(describe(v));
  }, opts).then((box) => box.v);
}

function describe(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 500);
  } catch {
    return String(v);
  }
}
