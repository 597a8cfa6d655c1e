// The resources this apiserver serves: one table drives both discovery documents and URL routing.

export interface ResourceDef {
  group: string;
  version: string;
  /** plural, as in the URL */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

export interface SubresourceDef {
  group: string;
  version: string;
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  /** for scale: the group/version/kind of the body */
  bodyGroup?: string;
  bodyVersion?: string;
}

const READ = ['get', 'list', 'watch'];

export const RESOURCES: ResourceDef[] = [
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, verbs: READ, shortNames: ['ns'] },
  { group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false, verbs: READ, shortNames: ['no'] },
  { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, verbs: [...READ, 'delete'], shortNames: ['po'], categories: ['all'] },
  { group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, verbs: READ, shortNames: ['ev'] },
  { group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, verbs: [...READ, 'patch', 'update'], shortNames: ['deploy'], categories: ['all'] },
  { group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, verbs: READ, shortNames: ['rs'], categories: ['all'] },
];

export const SUBRESOURCES: SubresourceDef[] = [
  { group: '', version: 'v1', name: 'pods/log', kind: 'Pod', namespaced: true, verbs: ['get'] },
  { group: 'apps', version: 'v1', name: 'deployments/scale', kind: 'Scale', namespaced: true, verbs: ['get', 'patch', 'update'], bodyGroup: 'autoscaling', bodyVersion: 'v1' },
  { group: 'apps', version: 'v1', name: 'deployments/status', kind: 'Deployment', namespaced: true, verbs: ['get'] },
];

export const AUTHZ_RESOURCES = [
  { name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', namespaced: false, kind: 'SelfSubjectAccessReview', verbs: ['create'] },
];

export function findResource(group: string, version: string, resource: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function resourceOfKind(kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}
