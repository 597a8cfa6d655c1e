// Temporary directories for tests, under the run's own root (test/helpers/global-setup.ts removes it when
// the run ends), so thousands of runs do not leave thousands of kubeconfigs and journals in /tmp.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'hive-test-'): string {
  const root = process.env.HIVE_TEST_TMP ?? tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}
