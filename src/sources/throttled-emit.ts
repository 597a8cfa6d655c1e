// Coalesces a burst of changes (a rollout's watch events, a thousand log lines) into one published state,
// while changes a user must see at once (a stream going down, a new target) are published immediately.

export interface ThrottledEmit {
  /** publish now, cancelling a pending one (it would say the same) */
  now(): void;
  /** publish within `ms`, once however often this is called meanwhile */
  soon(): void;
  /** drop a pending publish (the source stops) */
  cancel(): void;
}

export function throttledEmit(ms: number, publish: () => void): ThrottledEmit {
  let timer: NodeJS.Timeout | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const now = () => {
    cancel();
    publish();
  };
  return {
    now,
    soon() {
      if (!timer) timer = setTimeout(now, ms);
    },
    cancel,
  };
}
