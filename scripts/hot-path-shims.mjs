// esbuild plugin used by the bundle (and by anything that wants to measure it).
import { resolve } from 'node:path';

// Hot dependencies swapped for memoizing wrappers (see each file for why); the wrapper itself gets the
// real package.
const SHIMS = {
  'string-width': resolve('src/text/shims/string-width.ts'),
  '@alcalzone/ansi-tokenize': resolve('src/text/shims/ansi-tokenize.ts'),
};
export const hotPathShims = {
  name: 'hot-path-shims',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(SHIMS).map((k) => k.replace(/[/@.-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => {
      const shim = SHIMS[args.path];
      if (args.importer === shim) return undefined;
      return { path: shim };
    });
  },
};

