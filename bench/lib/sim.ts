// The backends for the dashboard-alone figures: `hive-oncall simulate` as its own process, and a Prometheus
// that accepts connections and never answers (the "one backend hanging" condition).
import { shebangNodeArgs } from './node-flags.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './paths.js';
import { childEnv, track, untrack } from './proc.js';

export interface Simulator {
  pid: number;
  dir: string;
  configPath: string;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts `simulate --scenario calm --out DIR` and resolves once it prints "ready". */
export function startSimulator(bin: string, dir: string, timeoutMs = 60000): Promise<Simulator> {
  const child = spawn(process.execPath, [...shebangNodeArgs(bin), bin, 'simulate', '--port', '0', '--scenario', 'calm', '--out', dir], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  track(pid, () => child.kill('SIGKILL'));
  const exited = new Promise<void>((r) => child.once('close', () => (untrack(pid), r())));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`simulate not ready after ${timeoutMs} ms: ${err}`))), timeoutMs);
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (!out.split('\n').includes('ready')) return;
      clearTimeout(timer);
      resolve({ pid, dir, configPath: join(dir, 'hive-oncall.yaml'), stop });
    });
    child.once('close', (code) => (clearTimeout(timer), reject(new Error(`simulate exited ${code}: ${err.trim()}`))));
  });
}

/** A TCP server that takes every connection and never writes a byte. */
export async function hangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('hanging server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** The simulator's config with Prometheus pointed at `baseUrl` (same path), written next to it. */
export function configWithPrometheus(configPath: string, baseUrl: string, outPath: string): string {
  const config = parse(readFileSync(configPath, 'utf8')) as { prometheus?: { url?: string } };
  const old = config.prometheus?.url;
  if (!old) throw new Error(`${configPath} has no prometheus.url`);
  config.prometheus!.url = baseUrl + new URL(old).pathname;
  writeFileSync(outPath, stringify(config));
  return outPath;
}
