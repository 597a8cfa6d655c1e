// The package version, found by walking up from this file: the depth differs between src/ and dist/src/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function packageVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'hive-oncall' && pkg.version) return (cached = pkg.version);
      } catch {
        // unreadable: keep walking
      }
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}
