export { normaliseKey, PASTE_PREFIX } from './normalise.js';
export { matchBinding, matchContextOf, activeContexts, type MatchContext } from './match.js';
export { dispatchInput } from './dispatch.js';
