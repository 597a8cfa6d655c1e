// The bin as a user's shell runs it: through its shebang (`env -S node FLAGS`), not `node bin`. A flag
// node rejects, or an env without -S, would make `hive-oncall` fail before printing anything.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shebangNodeArgs } from '../../bench/lib/node-flags.js';
import { CLI } from '../helpers/pty.js';

const run = promisify(execFile);

describe('the shipped bin run through its shebang', () => {
  it('asks node for a small young generation, and node takes it', async () => {
    expect(shebangNodeArgs(CLI)).toContain('--max-semi-space-size=2');
    const { stdout } = await run(CLI, ['snapshot', '--demo', '--width', '80', '--height', '24'], { timeout: 60000 });
    expect(stdout).toContain('Pods');
  });
});
