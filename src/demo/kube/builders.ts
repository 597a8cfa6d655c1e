// Builders for the objects the simulator creates, with the defaults a real apiserver fills in, so that
// clients (kubectl, client-node, the console) see the fields they expect.
import type { ContainerSpec, DeploymentSeed, Rng } from '../contracts.js';
import type { KubeObject } from './store.js';
import {
  DEPLOYMENT_REVISION,
  TEMPLATE_HASH_LABEL,
  iso,
  randomSuffix,
  randomUid,
  type ContainerJson,
  type DeploymentObj,
  type PodObj,
  type PodTemplate,
  type ReplicaSetObj,
} from './objects.js';

export function buildNamespace(name: string, tMs: number, rng: Rng): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: randomUid(rng), creationTimestamp: iso(tMs), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function buildNode(name: string, index: number, tMs: number, rng: Rng): KubeObject {
  const controlPlane = index === 0 && name.includes('control');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: randomUid(rng),
      creationTimestamp: iso(tMs),
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: { podCIDR: `10.244.${index}.0/24` },
    status: {
      capacity: { cpu: '8', memory: '32863412Ki', pods: '110' },
      allocatable: { cpu: '8', memory: '32761012Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: iso(tMs), lastTransitionTime: iso(tMs) },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: iso(tMs), lastTransitionTime: iso(tMs) },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: iso(tMs), lastTransitionTime: iso(tMs) },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: iso(tMs), lastTransitionTime: iso(tMs) },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${10 + index}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.4',
        kubeProxyVersion: 'v1.32.4',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-28-amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function defaultContainer(c: ContainerJson): ContainerJson {
  return {
    resources: {
      limits: { cpu: '500m', memory: '512Mi' },
      requests: { cpu: '100m', memory: '128Mi' },
    },
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...c,
  };
}

/** Fill the pod template defaults the apiserver would, so equal intents compare (and hash) equal. */
export function defaultTemplate(template: PodTemplate): PodTemplate {
  const spec = template.spec;
  return {
    ...template,
    metadata: { ...template.metadata, labels: { ...(template.metadata.labels ?? {}) } },
    spec: {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      ...spec,
      containers: spec.containers.map((c) => defaultContainer(c)),
    },
  };
}

export function templateFromContainers(labels: Record<string, string>, containers: ContainerSpec[]): PodTemplate {
  return defaultTemplate({
    metadata: { labels: { ...labels } },
    spec: {
      containers: containers.map((c) => ({ name: c.name, image: c.image, ...(c.args ? { args: [...c.args] } : {}) })),
    },
  });
}

export function buildDeployment(seed: DeploymentSeed, template: PodTemplate, revision: number, rng: Rng): DeploymentObj {
  const labels = { app: seed.name, ...seed.labels };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: seed.name,
      namespace: seed.namespace,
      uid: randomUid(rng),
      generation: 1,
      creationTimestamp: iso(seed.createdAt),
      labels,
      annotations: { [DEPLOYMENT_REVISION]: String(revision) },
    },
    spec: {
      replicas: seed.replicas,
      selector: { matchLabels: { app: labels.app } },
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

export function buildReplicaSet(dep: DeploymentObj, hash: string, revision: number, replicas: number, tMs: number, rng: Rng): ReplicaSetObj {
  const template = structuredClone(dep.spec.template);
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${dep.metadata.name}-${hash}`,
      namespace: dep.metadata.namespace,
      uid: randomUid(rng),
      generation: 1,
      creationTimestamp: iso(tMs),
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: {
        [DEPLOYMENT_REVISION]: String(revision),
        'deployment.kubernetes.io/desired-replicas': String(dep.spec.replicas),
        'deployment.kubernetes.io/max-replicas': String(dep.spec.replicas + Math.ceil(dep.spec.replicas / 4)),
      },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: dep.metadata.name, uid: dep.metadata.uid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...(dep.spec.selector.matchLabels ?? {}), [TEMPLATE_HASH_LABEL]: hash } },
      template,
    },
    status: { replicas: 0, observedGeneration: 1 },
  };
}

export function buildPod(rs: ReplicaSetObj, nodeName: string, nodeIP: string, podIP: string, tMs: number, rng: Rng): PodObj {
  const template = rs.spec.template;
  const containers = template.spec.containers.map((c) => structuredClone(c));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${rs.metadata.name}-${randomSuffix(rng)}`,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      uid: randomUid(rng),
      creationTimestamp: iso(tMs),
      labels: { ...(template.metadata.labels ?? {}) },
      ...(template.metadata.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: { ...structuredClone(template.spec), containers, nodeName, serviceAccountName: 'default' },
    status: {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: iso(tMs) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: iso(tMs) },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: iso(tMs), reason: 'ContainersNotReady' },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: iso(tMs), reason: 'ContainersNotReady' },
      ],
      hostIP: nodeIP,
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: iso(tMs),
      qosClass: 'Burstable',
      containerStatuses: containers.map((c) => ({
        name: c.name,
        ready: false,
        started: false,
        restartCount: 0,
        image: c.image,
        imageID: '',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      })),
    },
  };
}

export interface BarePodSpec {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: ContainerSpec[];
  /** creation time */
  tMs: number;
}

/** A pod no controller owns (as `kubectl run` makes), with exactly the name and labels given. */
export function buildBarePod(p: BarePodSpec, nodeName: string, nodeIP: string, podIP: string, rng: Rng): PodObj {
  const labels = { ...p.labels };
  const template = templateFromContainers(labels, p.containers);
  const owner = { metadata: { name: p.name, namespace: p.namespace, uid: '' }, spec: { template } } as unknown as ReplicaSetObj;
  const pod = buildPod(owner, nodeName, nodeIP, podIP, p.tMs, rng);
  pod.metadata.name = p.name;
  delete pod.metadata.generateName;
  delete pod.metadata.ownerReferences;
  pod.metadata.labels = labels;
  pod.metadata.annotations = { ...p.annotations };
  return pod;
}
