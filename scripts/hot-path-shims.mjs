// esbuild plugin used by the bundle (and by anything that wants to measure it).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// Hot dependencies swapped for memoizing wrappers (see each file for why); the wrapper itself gets the
// real package.
const SHIMS = {
  'string-width': resolve('src/text/shims/string-width.ts'),
  '@alcalzone/ansi-tokenize': resolve('src/text/shims/ansi-tokenize.ts'),
};
// Ink's Output.get() fills every cell of every frame with a new blank object before drawing; nothing
// mutates a cell (cells are only replaced), so one shared blank does, and the row memo in the
// ansi-tokenize shim then recognises unchanged rows by identity. If an Ink upgrade changes the line, the
// build fails here rather than silently losing the patch.
const INK_BLANK = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
const SHARED_BLANK = 'row.push(SHARED_BLANK_CELL);';

export const hotPathShims = {
  name: 'hot-path-shims',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(INK_BLANK)) throw new Error(`${args.path}: Ink's blank cell changed; update scripts/hot-path-shims.mjs`);
      const blank = "const SHARED_BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\n";
      return { contents: blank + source.replace(INK_BLANK, SHARED_BLANK), loader: 'js' };
    });
    const filter = new RegExp(`^(${Object.keys(SHIMS).map((k) => k.replace(/[/@.-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => {
      const shim = SHIMS[args.path];
      if (args.importer === shim) return undefined;
      return { path: shim };
    });
  },
};

