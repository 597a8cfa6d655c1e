import type { AppState } from '../../src/state/types.js';
import { renderFrameText } from '../../views/frame.js';

/** Renders a frame once per test file: rendering is the slow part of these tests. */
export function frameOnce(make: () => AppState, size: { width: number; height: number }): () => string {
  let frame: string | undefined;
  return () => (frame ??= renderFrameText(make(), size));
}
