// The simulator as its own process and as a Kubernetes API server kubectl and client-node accept unchanged.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventually } from '../helpers/eventually.js';
import { CLI } from '../helpers/pty.js';

const run = promisify(execFile);
const outDir = tempDir('hive-sim-test-');
let child: ReturnType<typeof spawn>;

beforeAll(async () => {
  child = spawn(process.execPath, [CLI, 'simulate', '--port', '0', '--scenario', 'crashloop', '--out', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.split('\n').includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`simulate exited ${code}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('hive-oncall simulate', () => {
  it('writes a kubeconfig and a hive-oncall config that point at itself', () => {
    const config = parse(readFileSync(join(outDir, 'hive-oncall.yaml'), 'utf8'));
    expect(config.kubernetes.kubeconfig).toBe(join(outDir, 'kubeconfig'));
    expect(config.prometheus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prometheus$/);
    expect(config.consensus.etcd.endpoints).toHaveLength(3);
  });

  it('lists its pods with client-node', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(join(outDir, 'kubeconfig'));
    const pods = await kc.makeApiClient(k8s.CoreV1Api).listPodForAllNamespaces();
    const names = pods.items.map((p) => p.metadata?.name ?? '');
    expect(names.some((n) => n.startsWith('hive-mind-rust-'))).toBe(true);
    expect(names.some((n) => n.startsWith('postgresql-'))).toBe(true);
  });

  it.skipIf(!hasKubectl())('lists its pods with kubectl, crash loops included', async () => {
    const kubectl = async () => (await run('kubectl', ['--kubeconfig', join(outDir, 'kubeconfig'), 'get', 'pods', '-A'], { timeout: 30000 })).stdout;
    const first = await kubectl();
    expect(first).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(first).toMatch(/hive-mind-production\s+hive-mind-rust-\S+\s+1\/1\s+Running\s+0\s/);
    // A crash-looping container is briefly Running between crashes: ask again until kubectl shows the loop.
    const row = await eventually(
      'kubectl to show the coordinator crash-looping (READY 0/1, CrashLoopBackOff or Error, restarted)',
      async () => {
        const rows = (await kubectl()).split('\n').filter((l) => l.includes('hive-mind-coordinator-'));
        const looping = rows.map(podRow).find((r) => r && r.ready === '0/1' && /^(CrashLoopBackOff|Error)$/.test(r.status) && r.restarts > 0);
        if (!looping) throw new Error(`kubectl shows: ${rows.join(' | ')}`);
        return looping;
      },
      { timeoutMs: 20000, everyMs: 500 },
    );
    expect(row.namespace).toBe('production');
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** The columns of a `kubectl get pods -A` row; RESTARTS reads "8" or "8 (2m ago)". */
function podRow(line: string): { namespace: string; name: string; ready: string; status: string; restarts: number } | null {
  const m = /^(\S+)\s+(\S+)\s+(\d+\/\d+)\s+(\S+)\s+(\d+)(?: \([^)]*\))?\s+\S+$/.exec(line.trim());
  return m ? { namespace: m[1]!, name: m[2]!, ready: m[3]!, status: m[4]!, restarts: Number(m[5]) } : null;
}

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
