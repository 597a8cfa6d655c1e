// The simulator as its own process and as a Kubernetes API server kubectl and client-node accept unchanged.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI } from '../helpers/pty.js';

const run = promisify(execFile);
const outDir = mkdtempSync(join(tmpdir(), 'hive-sim-test-'));
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
    const { stdout } = await run('kubectl', ['--kubeconfig', join(outDir, 'kubeconfig'), 'get', 'pods', '-A'], { timeout: 30000 });
    expect(stdout).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(stdout).toMatch(/production\s+hive-mind-coordinator-\S+\s+0\/1\s+(CrashLoopBackOff|Error|Running)/);
    expect(stdout).toMatch(/hive-mind-production\s+hive-mind-rust-\S+\s+1\/1\s+Running/);
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
