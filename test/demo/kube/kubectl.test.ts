// kubectl is the fair judge of the wire protocol: discovery, server-side Table printing, JSON patch
// rollback, protobuf SelfSubjectAccessReview, logs.
import { afterEach, describe, expect, it } from 'vitest';
import { hasKubectl, kubectl, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Rows of `kubectl get` output keyed by NAME, each row as a column -> cell map. */
function parseTable(stdout: string): Map<string, Record<string, string>> {
  const lines = stdout.trimEnd().split('\n');
  const header = lines[0] ?? '';
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index }));
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(1)) {
    const row: Record<string, string> = {};
    starts.forEach((c, i) => {
      const end = starts[i + 1]?.at ?? line.length;
      row[c.name] = line.slice(c.at, end).trim();
    });
    rows.set(row.NAME ?? '', row);
  }
  return rows;
}

describe.skipIf(!hasKubectl)('kubectl against the simulator', () => {
  it('get pods -A prints every pod with the STATUS kubectl users expect', async () => {
    h = await startHarness();
    const [crash, failed, oom, doomed, healthy] = h.cluster.pods('hive').map((p) => p.name);
    h.cluster.setContainer('hive', crash!, { state: 'waiting', reason: 'CrashLoopBackOff' }, h.now());
    h.cluster.setContainer('hive', failed!, { state: 'terminated', reason: 'Error', exitCode: 1 }, h.now());
    h.cluster.setContainer('hive', oom!, { state: 'terminated', reason: 'OOMKilled', exitCode: 137 }, h.now());
    const del = await kubectl(h, ['delete', 'pod', doomed!, '--wait=false']);
    expect(del.stdout).toContain(`pod "${doomed}" deleted`);
    h.tick(1);
    const replacement = h.cluster.pods('hive').find((p) => p.status === 'ContainerCreating')?.name;
    expect(replacement).toBeDefined();

    const out = await kubectl(h, ['get', 'pods', '-A']);
    expect(out.code).toBe(0);
    const rows = parseTable(out.stdout);
    expect(rows.size).toBe(6);
    expect(rows.get(crash!)).toMatchObject({ NAMESPACE: 'hive', READY: '0/1', STATUS: 'CrashLoopBackOff' });
    expect(rows.get(crash!)?.RESTARTS).toMatch(/^1 \(\d+s ago\)$/);
    expect(rows.get(failed!)?.STATUS).toBe('Error');
    expect(rows.get(oom!)?.STATUS).toBe('OOMKilled');
    expect(rows.get(doomed!)?.STATUS).toBe('Terminating');
    expect(rows.get(replacement!)).toMatchObject({ READY: '0/1', STATUS: 'ContainerCreating', RESTARTS: '0' });
    expect(rows.get(healthy!)).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0', AGE: '24h' });
  });

  it('rollout undo (a JSON patch) brings back the previous ReplicaSet as the newest revision', async () => {
    h = await startHarness();
    expect((await kubectl(h, ['-n', 'hive', 'rollout', 'undo', 'deployment/claude-tui'])).stdout).toContain('rolled back');
    h.tick(15);
    const history = await kubectl(h, ['-n', 'hive', 'rollout', 'history', 'deployment/claude-tui']);
    expect(history.stdout.split('\n').filter((l) => /^\d+\s/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['2', '3']);
    const status = await kubectl(h, ['-n', 'hive', 'rollout', 'status', 'deployment/claude-tui', '--timeout=5s']);
    expect(status.stdout).toContain('successfully rolled out');
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui').map((p) => p.images[0])).toEqual([
      'ghcr.io/hive/claude-tui:1.4.1',
      'ghcr.io/hive/claude-tui:1.4.1',
      'ghcr.io/hive/claude-tui:1.4.1',
    ]);
  });

  it('auth can-i follows the policy, logs print, and missing openapi does not break get', async () => {
    h = await startHarness({ policy: (a) => ({ allowed: !(a.verb === 'delete' && a.namespace === 'hive') }) });
    expect((await kubectl(h, ['auth', 'can-i', 'delete', 'pods', '-n', 'hive'])).stdout.trim()).toBe('no');
    expect((await kubectl(h, ['auth', 'can-i', 'list', 'pods', '-n', 'hive'])).stdout.trim()).toBe('yes');
    const pod = h.cluster.pods('hive')[0]!;
    h.logs.append({ tMs: h.now() - 2000, namespace: 'hive', pod: pod.name, container: pod.deployment, labels: {}, line: 'started raft node' });
    h.logs.append({ tMs: h.now() - 1000, namespace: 'hive', pod: pod.name, container: pod.deployment, labels: {}, line: 'elected leader' });
    expect((await kubectl(h, ['logs', pod.name, '--tail=1'])).stdout).toBe('elected leader\n');
    const forbidden = await kubectl(h, ['delete', 'pod', pod.name]);
    expect(forbidden.stderr).toContain('Forbidden');
    expect((await kubectl(h, ['get', '--raw', '/openapi/v2'])).code).not.toBe(0);
    const deploys = parseTable((await kubectl(h, ['get', 'deployments', '-n', 'hive'])).stdout);
    expect(deploys.get('claude-tui')).toMatchObject({ READY: '3/3', 'UP-TO-DATE': '3', AVAILABLE: '3' });
  });
});
