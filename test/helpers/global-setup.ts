// One temporary root per test run, removed when the run ends (however its workers end): every
// tempDir() of the tests lives under it, so no run leaves kubeconfigs and journals behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hive-oncall-tests-'));
  process.env.HIVE_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
