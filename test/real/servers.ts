// Real Prometheus, Alertmanager and a 3-member etcd cluster on 127.0.0.1, each in a temp dir, stopped by
// PID. Debian's binaries (scripts/ensure-real-servers.sh installs them); they start in well under a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { eventually, type EventuallyOptions } from '../helpers/eventually.js';
import { ROOT } from '../helpers/pty.js';

export interface Proc {
  name: string;
  child: ChildProcess;
  url: string;
  /** what the process printed, for failure messages */
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function launch(name: string, cmd: string, args: string[], url: string, dir: string): Proc {
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    url,
    log: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Real servers start and converge in seconds, not milliseconds: the bounds every wait in this suite uses. */
export const REAL_WAIT: EventuallyOptions = { timeoutMs: 30000, everyMs: 250 };

const ok = async (url: string) => (await fetch(url)).ok;

/**
 * The repository's rules with `for:` durations and the recording interval shortened, so an alert that would
 * take minutes in production fires within seconds in a test. Everything else (expressions, labels) is as shipped.
 */
export function fastRules(): string {
  const doc = parse(readFileSync(join(ROOT, 'deploy/prometheus/rules.yml'), 'utf8')) as {
    groups: { interval?: string; rules: { for?: string }[] }[];
  };
  for (const g of doc.groups) {
    if (g.interval) g.interval = '1s';
    for (const r of g.rules) if (r.for) r.for = '2s';
  }
  return stringify(doc);
}

export async function startAlertmanager(): Promise<Proc> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hive-am-'));
  writeFileSync(join(dir, 'alertmanager.yml'), readFileSync(join(ROOT, 'deploy/alertmanager/alertmanager.yml')));
  const url = `http://127.0.0.1:${port}`;
  const proc = launch(
    'alertmanager',
    'prometheus-alertmanager',
    [
      '--config.file=alertmanager.yml',
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=${url}`,
      // empty: no gossip listener on all interfaces
      '--cluster.listen-address=',
    ],
    url,
    dir,
  );
  await eventually('alertmanager ready', () => ok(`${url}/-/ready`), REAL_WAIT).catch((e) => {
    throw new Error(`${e}\n${proc.log()}`);
  });
  return proc;
}

export async function startPrometheus(opts: { scrapeTarget: string; alertmanager: string }): Promise<Proc> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hive-prom-'));
  writeFileSync(join(dir, 'rules.yml'), fastRules());
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: ['rules.yml'],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [new URL(opts.alertmanager).host] }] }] },
    scrape_configs: [{ job_name: 'hive-sim', honor_labels: true, static_configs: [{ targets: [opts.scrapeTarget] }] }],
  };
  writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
  const url = `http://127.0.0.1:${port}`;
  const proc = launch(
    'prometheus',
    'prometheus',
    [
      '--config.file=prometheus.yml',
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=${url}`,
      '--rules.alert.resend-delay=2s',
    ],
    url,
    dir,
  );
  await eventually('prometheus ready', () => ok(`${url}/-/ready`), REAL_WAIT).catch((e) => {
    throw new Error(`${e}\n${proc.log()}`);
  });
  return proc;
}

export interface EtcdCluster {
  members: (Proc & { memberName: string })[];
  endpoints: string[];
  stop(): Promise<void>;
}

export async function startEtcdCluster(size = 3): Promise<EtcdCluster> {
  const ports = await Promise.all(Array.from({ length: size * 2 }, () => freePort()));
  const names = Array.from({ length: size }, (_, i) => `etcd-${i}`);
  const peer = (i: number) => `http://127.0.0.1:${ports[size + i]}`;
  const client = (i: number) => `http://127.0.0.1:${ports[i]}`;
  const initialCluster = names.map((n, i) => `${n}=${peer(i)}`).join(',');
  const members = names.map((name, i) => {
    const dir = mkdtempSync(join(tmpdir(), `hive-${name}-`));
    const proc = launch(
      name,
      'etcd',
      [
        `--name=${name}`,
        `--data-dir=${join(dir, 'data')}`,
        `--listen-client-urls=${client(i)}`,
        `--advertise-client-urls=${client(i)}`,
        `--listen-peer-urls=${peer(i)}`,
        `--initial-advertise-peer-urls=${peer(i)}`,
        `--initial-cluster=${initialCluster}`,
        '--initial-cluster-state=new',
        '--initial-cluster-token=hive-oncall-test',
        // fast elections, so a killed leader is replaced within a second or two
        '--heartbeat-interval=50',
        '--election-timeout=500',
        '--log-level=warn',
      ],
      client(i),
      dir,
    );
    return Object.assign(proc, { memberName: name });
  });
  const endpoints = members.map((m) => m.url);
  await eventually(
    'etcd leader',
    async () => {
      const res = await fetch(`${endpoints[0]}/v3/maintenance/status`, { method: 'POST', body: '{}' });
      const body = (await res.json()) as { leader?: string };
      return res.ok && body.leader ? body : null;
    },
    REAL_WAIT,
  ).catch((e) => {
    throw new Error(`${e}\n${members.map((m) => m.log()).join('\n')}`);
  });
  return { members, endpoints, stop: async () => void (await Promise.all(members.map((m) => m.stop()))) };
}
