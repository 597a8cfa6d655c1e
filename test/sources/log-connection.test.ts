// The log stream's URL names the pod it was asked for, whatever characters the API server put in the name.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { openLogStream } from '../../src/sources/logs/log-connection.js';

const paths: string[] = [];
const server = createServer((req, res) => {
  paths.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('');
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('openLogStream', () => {
  it('asks for the pod named, even when the name holds ?, # or /', async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const pod = 'web?x=1#frag/../y';
    await openLogStream(kc, { namespace: 'prod', pod, container: 'app' }, new PassThrough(), { tailLines: 10, since: null, onSocketClose: () => {} });
    const url = new URL(paths[0]!, 'http://h');
    expect(url.pathname.split('/').map(decodeURIComponent)).toEqual(['', 'api', 'v1', 'namespaces', 'prod', 'pods', pod, 'log']);
    expect(url.searchParams.get('container')).toBe('app');
  });
});
