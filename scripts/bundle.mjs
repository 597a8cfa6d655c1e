// The shipped bin: one minified ES module bundle with React's production build compiled in, so start-up
// reads one file instead of ~900 modules. The simulator stays a separate chunk, loaded only by `demo`,
// `simulate` and `snapshot --demo` (the dynamic import in src/app/demo.ts is the split point).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { hotPathShims } from './hot-path-shims.mjs';

const outdir = process.env.BUNDLE_OUTDIR ?? 'dist/bin';
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { 'hive-oncall': 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.BUNDLE_MINIFY !== '0',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink loads react-devtools-core only when DEV=true; it is not a dependency, so it must not be bundled
  external: ['react-devtools-core'],
  // some CommonJS dependencies call require() on Node built-ins, which an ES module bundle lacks
  banner: { js: "import { createRequire as __hiveRequire } from 'node:module'; const require = __hiveRequire(import.meta.url);" },
  plugins: [hotPathShims],
  logLevel: 'warning',
});
