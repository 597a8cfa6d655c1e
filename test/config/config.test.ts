import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LATENCY, DEFAULT_SLOS } from '../../src/config/defaults.js';
import { applyOverrides, ConfigError, defaultConfigPath, loadConfig, parseConfig } from '../../src/config/load.js';

const parse = (text: string) => parseConfig(text, '/etc/hive');
const errorOf = (text: string): string => {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('reads a full config with durations, endpoints and relative kubeconfig', () => {
    const c = parse(`
kubernetes:
  kubeconfig: ./kubeconfig
  context: prod
  namespace: production
  interval: 15s
prometheus:
  url: http://127.0.0.1:9090/prometheus
  timeout: 1500ms
alertmanager:
  url: https://am.example:9093
loki:
  url: http://127.0.0.1:3100
consensus:
  etcd:
    endpoints: [http://127.0.0.1:2379, http://127.0.0.1:22379]
  interval: 1s
logs:
  capacity: 2000
`);
    expect(c.kubernetes).toMatchObject({ kubeconfig: '/etc/hive/kubeconfig', context: 'prod', namespace: 'production', intervalMs: 15000 });
    expect(c.prometheus).toMatchObject({ url: 'http://127.0.0.1:9090/prometheus', timeoutMs: 1500, intervalMs: 5000 });
    expect(c.consensus).toMatchObject({ mode: 'etcd', endpoints: ['http://127.0.0.1:2379', 'http://127.0.0.1:22379'], intervalMs: 1000 });
    expect(c.logs.capacity).toBe(2000);
    expect(c.slos).toEqual(DEFAULT_SLOS);
    expect(c.latency).toEqual(DEFAULT_LATENCY);
  });

  it('an empty file leaves every backend unconfigured and keeps the defaults', () => {
    const c = parse('');
    expect([c.prometheus.url, c.alertmanager.url, c.loki.url, c.consensus.mode, c.kubernetes.namespace]).toEqual([null, null, null, null, null]);
    expect(c.logs.capacity).toBe(5000);
  });

  it('names the key path and the problem', () => {
    expect(errorOf('prometheus:\n  url: ftp://x')).toBe('prometheus.url: must be an http(s) URL');
    expect(errorOf('promethus:\n  url: http://x')).toBe('promethus: unknown key');
    expect(errorOf('alertmanager:\n  url: http://x\n  ur: 1')).toBe('alertmanager.ur: unknown key');
    expect(errorOf('consensus:\n  http:\n    endpoints: [http://a, nope]')).toBe('consensus.http.endpoints[1]: must be an http(s) URL');
    expect(errorOf('consensus:\n  http:\n    endpoints: []')).toBe('consensus.http.endpoints: must list at least one endpoint');
    expect(errorOf('consensus:\n  etcd: {endpoints: [http://a]}\n  http: {endpoints: [http://b]}')).toBe('consensus: set either etcd or http, not both');
    expect(errorOf('prometheus:\n  interval: soon')).toBe('prometheus.interval: must be a positive duration such as "500ms", "5s", "2m" or "1m30s"');
    expect(errorOf('prometheus:\n  timeout: 0s')).toBe('prometheus.timeout: must be a positive duration such as "500ms", "5s", "2m" or "1m30s"');
    expect(errorOf('logs:\n  capacity: ten')).toBe('logs.capacity: must be a number');
    expect(errorOf('kubernetes: [a]')).toBe('kubernetes: must be a mapping');
    expect(errorOf('slos:\n  - name: x\n    comparator: ">"')).toMatch(/^slos\[0\]\.comparator: must be one of ">=", "<="/);
  });

  it('completes a short SLO entry and lets an entry override a default by id', () => {
    const c = parse(`
slos:
  - name: Queue depth
    query: sum(queue_depth)
    target: 1000
    comparator: "<="
    unit: rps
  - id: availability
    target: 0.995
`);
    expect(c.slos[0]).toMatchObject({ id: 'queue-depth', name: 'Queue depth', window: '5m', burnWindow: '1h', budgetWindow: '30d' });
    expect(c.slos[0]!.errorRatioQuery).toBeUndefined();
    expect(c.slos[1]).toMatchObject({ id: 'availability', target: 0.995, objective: 0.999, query: DEFAULT_SLOS[0]!.query });
    expect(errorOf('slos:\n  - name: x\n    target: 1\n    comparator: ">="\n    unit: rps')).toBe('slos[0].query: is required');
    expect(errorOf('slos:\n  - name: x\n    query: up\n    target: 1\n    comparator: ">="\n    unit: rps\n    errorRatioQuery: up')).toBe(
      'slos[0].objective: is required when errorRatioQuery is set',
    );
  });

  it('reports YAML syntax errors and unreadable files', () => {
    expect(errorOf('prometheus:\n  url: [unclosed')).toMatch(/^config: invalid YAML \(line \d+\)/);
    const dir = tempDir('hive-cfg-');
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(`${join(dir, 'missing.yaml')}: cannot read config: no such file`);
    const file = join(dir, 'c.yaml');
    writeFileSync(file, 'loki:\n  url: http://127.0.0.1:3100\n');
    expect(loadConfig(file).loki.url).toBe('http://127.0.0.1:3100');
  });

  it('lets flags override the file and finds the default path under XDG_CONFIG_HOME', () => {
    const c = applyOverrides(parse('kubernetes:\n  context: a\n  namespace: b'), { context: 'flag-ctx', namespace: undefined });
    expect(c.kubernetes).toMatchObject({ context: 'flag-ctx', namespace: 'b' });
    expect(defaultConfigPath({ XDG_CONFIG_HOME: '/x/cfg' })).toBe('/x/cfg/hive-oncall/config.yaml');
    expect(defaultConfigPath({})).toMatch(/\.config\/hive-oncall\/config\.yaml$/);
  });
});
