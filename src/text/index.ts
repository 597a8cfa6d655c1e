// The one text module: control characters, escape sequences, sanitising, width and truncation.
export { hasControl, isPrintable, showControls, stripControl, stripControlKeepNewline } from './control.js';
export { plainText, stripEscapes } from './escapes.js';
export { graphemes, PLACEHOLDER, stableGrapheme } from './graphemes.js';
export { stableParts, stableText, type StableText } from './stable-text.js';
export { clean, sanitizeLabels, sanitizeLine } from './sanitize.js';
export { cellWidth, clip, clipMiddle, clipStart, cut, fit } from './width.js';
export { wrap } from './wrap.js';
export { localeIsAscii, toAscii } from './ascii.js';
