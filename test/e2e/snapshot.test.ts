// `hive-oncall snapshot`: one frame per scenario, as plain text, showing the runbook's symptoms.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/pty.js';

const run = promisify(execFile);
const snapshot = async (...args: string[]) => (await run(process.execPath, [CLI, 'snapshot', ...args], { timeout: 60000 })).stdout;

const SYMPTOMS: Record<string, RegExp[]> = {
  calm: [/hive-mind-rust/],
  crashloop: [/CrashLoopBackOff|Error/, /ServiceDown|PodCrashLooping/],
  'bad-deploy': [/HighErrorRate|PodCrashLooping/, /claude-tui/],
  'latency-spike': [/HighLatency/],
  'error-storm': [/HighErrorRate/],
  'leader-flap': [/ConsensusLeaderFlapping|ConsensusNoLeader/],
  'memory-leak': [/HighMemoryUsage|OOMKilled/],
  'db-down': [/PostgreSQLDown/],
};

describe('snapshot', () => {
  for (const [scenario, patterns] of Object.entries(SYMPTOMS)) {
    it(`shows the ${scenario} scenario's symptoms as plain text`, async () => {
      const out = await snapshot('--demo', '--scenario', scenario, '--seed', '5', '--width', '120', '--height', '40');
      expect(out).not.toMatch(/\u001b/);
      for (const title of ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs']) expect(out).toContain(title);
      for (const p of patterns) expect(out).toMatch(p);
      const lines = out.replace(/\n$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(40);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(120);
    });
  }

  it('calm has no critical SLO and no firing critical alert', async () => {
    const state = JSON.parse(await snapshot('--demo', '--scenario', 'calm', '--seed', '5', '--format', 'json'));
    const slos = state.slos.data as { id: string; status: string }[];
    expect(slos.map((s) => s.id).sort()).toEqual(['availability', 'errors', 'latency', 'throughput']);
    expect(slos.filter((s) => s.status === 'critical')).toEqual([]);
    const critical = state.alerts.data.groups.filter((g: { severity: string }) => g.severity === 'critical');
    expect(critical).toEqual([]);
  });

  it('error-storm breaches the error-rate SLO in the JSON state', async () => {
    const state = JSON.parse(await snapshot('--demo', '--scenario', 'error-storm', '--seed', '5', '--format', 'json'));
    const errors = state.slos.data.find((s: { id: string }) => s.id === 'errors');
    expect(errors.value).toBeGreaterThan(0.05);
    expect(errors.status).toBe('critical');
    expect(state.kube.data.pods.length).toBeGreaterThanOrEqual(9);
    expect(state.consensus.data.members).toHaveLength(3);
  });

  it('fits 80x24 without a line wider than the terminal', async () => {
    const out = await snapshot('--demo', '--width', '80', '--height', '24');
    const lines = out.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
  });
});
