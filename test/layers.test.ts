// The layer rules (scripts/layer-rules.cjs) run on the real tree in every `npm test`; and so that a rule
// that matches nothing cannot pass for a rule that holds, each one is shown to fire on a small tree that
// breaks it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function cruise(cwd: string, config: string, paths: string[]): Promise<Violation[]> {
  // depcruise exits non-zero when it finds violations: the report is on stdout either way
  const out = await run(bin, [...paths, '--config', config, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
  );
  const report = JSON.parse(out.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('layers', () => {
  it('hold in the product code', async () => {
    const violations = await cruise(root, '.dependency-cruiser.cjs', ['src', 'views', 'keymaps']);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it('each rule fires on an import that breaks it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hive-layers-'));
    dirs.push(dir);
    // one offending import per rule, and two imports that are allowed
    const files: Record<string, string> = {
      'views/Pane.ts': "import '../src/sources/fetch.js';\nimport '../src/runtime/rules.js';\n",
      'src/runtime/rules.ts': "import '../app/snapshot.js';\n",
      'src/sources/fetch.ts': "import '../runtime/rules.js';\n",
      'src/actions/run.ts': "import '../../views/Pane.js';\n",
      'src/state/types.ts': "import '../text/width.js';\n",
      'keymaps/default.ts': "import '../src/runtime/rules.js';\n",
      'src/text/width.ts': "import '../state/types.js';\n",
      'src/cli/args.ts': "import '../demo/world.js';\n",
      'src/app/demo.ts': "import '../demo/world.js';\nimport '../demo/index.js';\n",
      'src/app/snapshot.ts': '',
      'src/demo/world.ts': '',
      'src/demo/index.ts': "import './world.js';\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true } }));
    writeFileSync(join(dir, '.dependency-cruiser.cjs'), `module.exports = require(${JSON.stringify(join(root, '.dependency-cruiser.cjs'))});\n`);

    const found = (await cruise(dir, '.dependency-cruiser.cjs', ['src', 'views', 'keymaps'])).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(
      [
        'actions-only-act: src/actions/run.ts -> views/Pane.ts',
        'helpers-are-generic: src/text/width.ts -> src/state/types.ts',
        'keymaps-are-data: keymaps/default.ts -> src/runtime/rules.ts',
        'runtime-stays-below-the-app: src/runtime/rules.ts -> src/app/snapshot.ts',
        'simulator-behind-its-door: src/cli/args.ts -> src/demo/world.ts',
        'simulator-door-is-its-index: src/app/demo.ts -> src/demo/world.ts',
        'sources-only-fetch: src/sources/fetch.ts -> src/runtime/rules.ts',
        'state-is-the-contract: src/state/types.ts -> src/text/width.ts',
        'views-render-state-only: views/Pane.ts -> src/sources/fetch.ts',
      ].sort(),
    );
  });
});
