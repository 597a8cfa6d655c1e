// `hive-oncall snapshot`: wait (bounded) for every pane's first answer, then one frame or the state as JSON.
import type { Controller } from '../runtime/controller.js';

export const FIRST_DATA_TIMEOUT_MS = 8000;

export async function takeSnapshot(
  controller: Controller,
  opts: { width: number; height: number; format: 'text' | 'json'; timeoutMs?: number },
): Promise<string> {
  controller.start();
  try {
    await controller.waitForFirstData(opts.timeoutMs ?? FIRST_DATA_TIMEOUT_MS);
    const state = controller.store.getState();
    if (opts.format === 'json') return `${JSON.stringify(state, null, 2)}\n`;
    const { renderFrameText } = await import('../../views/frame.js');
    const frame = await renderFrameText(state, { width: opts.width, height: opts.height });
    // renderFrameText promises plain text: no escape or control byte, exactly height - 1 rows
    return `${frame}\n`;
  } finally {
    controller.stop();
  }
}
