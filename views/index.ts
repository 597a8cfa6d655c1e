// What the CLI needs from the UI.
export { App, type AppProps } from './App.js';
export { renderFrameText, renderFrameRaw, staticStore, type FrameOptions } from './frame.js';
export { colorEnabled, createTheme, type Theme } from './theme/theme.js';
