// Discovery: /version, /api, /apis and each group version's resource list (legacy JSON; kubectl asks for
// aggregated discovery first and falls back to these when the answer is plain application/json).
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.js';
import { AUTHZ_RESOURCES, RESOURCES, SUBRESOURCES } from './resources.js';

const SERVER_ADDRESS = [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }];

const GROUPS: { name: string; version: string }[] = [
  { name: 'apps', version: 'v1' },
  { name: 'authorization.k8s.io', version: 'v1' },
];

function groupVersionDoc(group: string, version: string): Record<string, unknown> | undefined {
  const groupVersion = group ? `${group}/${version}` : version;
  if (group === 'authorization.k8s.io' && version === 'v1') {
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: AUTHZ_RESOURCES };
  }
  const main = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (main.length === 0) return undefined;
  const resources: Record<string, unknown>[] = main.map((r) => ({
    name: r.resource,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    ...(r.categories ? { categories: r.categories } : {}),
  }));
  for (const s of SUBRESOURCES.filter((x) => x.group === group && x.version === version)) {
    resources.push({
      name: s.name,
      singularName: '',
      namespaced: s.namespaced,
      kind: s.kind,
      verbs: s.verbs,
      ...(s.bodyGroup ? { group: s.bodyGroup, version: s.bodyVersion } : {}),
    });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

/** Answer a discovery path, or return false when `path` is not one. */
export function serveDiscovery(path: string, res: ServerResponse): boolean {
  if (path === '/version' || path === '/version/') {
    sendJson(res, 200, {
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.4-hive-sim',
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2025-04-22T00:00:00Z',
      goVersion: 'go1.23.8',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
    return true;
  }
  if (path === '/api' || path === '/api/') {
    sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: SERVER_ADDRESS });
    return true;
  }
  if (path === '/apis' || path === '/apis/') {
    sendJson(res, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: GROUPS.map((g) => {
        const gv = { groupVersion: `${g.name}/${g.version}`, version: g.version };
        return { name: g.name, versions: [gv], preferredVersion: gv };
      }),
    });
    return true;
  }
  if (path === '/api/v1' || path === '/api/v1/') {
    sendJson(res, 200, groupVersionDoc('', 'v1'));
    return true;
  }
  const m = /^\/apis\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  if (m) {
    const group = GROUPS.find((g) => g.name === m[1]);
    if (!group) return false;
    if (!m[2]) {
      const gv = { groupVersion: `${group.name}/${group.version}`, version: group.version };
      sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', name: group.name, versions: [gv], preferredVersion: gv });
      return true;
    }
    const doc = groupVersionDoc(group.name, m[2]);
    if (!doc) return false;
    sendJson(res, 200, doc);
    return true;
  }
  return false;
}
