// Where the benchmark finds what it measures. The bin is read from package.json at run time, so the bench
// follows the shipped entry point (tsc output today, an esbuild bundle later) without being edited.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest package.json named hive-oncall above this file (bench/ or dist/bench/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'hive-oncall') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the hive-oncall package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const ROOT = findRoot();

/** The absolute path of the `hive-oncall` bin as package.json declares it (HIVE_BENCH_BIN: another entry
 * point, e.g. a bundle before package.json points at it). */
export function shippedBin(env = process.env): string {
  if (env.HIVE_BENCH_BIN) return resolve(ROOT, env.HIVE_BENCH_BIN);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['hive-oncall'];
  if (!rel) throw new Error('package.json has no "bin" entry for hive-oncall');
  return resolve(ROOT, rel);
}

/** The unbundled tsc build: the first-frame baseline when the shipped bin is something else. */
export const TSC_BIN = join(ROOT, 'dist', 'src', 'cli.js');

/** Preloaded into the soak's dashboard: it samples the heap from inside the process. */
export const HEAP_PROBE = join(ROOT, 'bench', 'heap-probe.mjs');

export const RESULTS = join(ROOT, 'bench', 'results.json');
