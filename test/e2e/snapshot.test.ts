// `hive-oncall snapshot` as shipped (dist/bin/hive-oncall.js): the flags, the output on stdout and its size. Each
// scenario's symptoms are checked in-process, in test/scenarios/symptoms.test.ts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/pty.js';

const run = promisify(execFile);
const snapshot = async (...args: string[]) => (await run(process.execPath, [CLI, 'snapshot', ...args], { timeout: 60000 })).stdout;
const TITLES = ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function expectFits(out: string, width: number, height: number): string[] {
  expect(out).not.toMatch(CONTROL);
  expect(out.endsWith('\n')).toBe(true);
  const lines = out.slice(0, -1).split('\n');
  // one row kept free, as in the live console
  expect(lines).toHaveLength(height - 1);
  for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
  return lines;
}

describe('hive-oncall snapshot', () => {
  it('prints the db-down frame at 120x40 as plain text, symptoms included', async () => {
    const out = await snapshot('--demo', '--scenario', 'db-down', '--seed', '5', '--width', '120', '--height', '40');
    expectFits(out, 120, 40);
    for (const title of TITLES) expect(out).toContain(title);
    expect(out).toMatch(/PostgreSQLDown/);
    expect(out).toMatch(/postgresql\S*\s+0\/1\s+✖/);
    expect(out).toMatch(/scenario db-down/);
  });

  it('prints the state as JSON with --format json', async () => {
    const state = JSON.parse(await snapshot('--demo', '--scenario', 'error-storm', '--seed', '5', '--format', 'json'));
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(state.meta).toMatchObject({ mode: 'demo', scenario: 'error-storm', context: 'hive-demo', version });
    for (const key of ['kube', 'slos', 'latency', 'alerts', 'consensus', 'logs', 'logErrors']) {
      expect(state[key], key).toMatchObject({ loading: false, error: null });
    }
    const errors = state.slos.data.find((s: { id: string }) => s.id === 'errors');
    expect(errors.status).toBe('critical');
    expect(errors.value).toBeGreaterThan(0.05);
  });

  it('fits 80x24 in the compact layout', async () => {
    const out = await snapshot('--demo', '--width', '80', '--height', '24');
    const lines = expectFits(out, 80, 24);
    // the focused pane large, every other pane a numbered summary line
    expect(lines[0]).toMatch(/^┏━ Pods/);
    for (const [i, title] of TITLES.slice(1).entries()) expect(out).toMatch(new RegExp(`^ ${i + 2} ${title} `, 'm'));
  });
});
