export { normaliseKey, PASTE_PREFIX } from './normalise.js';
export {
  matchBinding,
  matchContextOf,
  activeContexts,
  candidates,
  isTyping,
  type MatchContext,
  type OverlayFlags,
} from './match.js';
export { dispatchInput, type ContextReader } from './dispatch.js';
export { keymapConflicts, type KeyConflict } from './conflicts.js';
