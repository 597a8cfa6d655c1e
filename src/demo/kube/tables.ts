// Server-side printing (meta.k8s.io/v1 Table): kubectl asks for Tables and prints the cells as they come,
// so these columns are what `kubectl get` shows (STATUS, READY, RESTARTS, AGE, ...).
import type { IncomingMessage } from 'node:http';
import { formatAge } from '../../lib/duration.js';
import { parseTime, podStatusWord, type DeploymentObj, type PodObj, type ReplicaSetObj } from './objects.js';
import type { KubeObject } from './store.js';

interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  format?: string;
  priority?: number;
  description?: string;
}

const col = (name: string, type: Column['type'] = 'string', priority = 0, format = ''): Column => ({ name, type, format, description: name, priority });

export function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

function age(obj: KubeObject, now: number): string {
  const t = parseTime(obj.metadata.creationTimestamp);
  return t === undefined ? '<unknown>' : formatAge(now - t);
}

function selectorText(sel: { matchLabels?: Record<string, string> } | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(',') : '<none>';
}

type Printer = { columns: Column[]; cells: (obj: KubeObject, now: number) => (string | number)[] };

const PRINTERS: Record<string, Printer> = {
  Pod: {
    columns: [col('Name', 'string', 0, 'name'), col('Ready'), col('Status'), col('Restarts'), col('Age'), col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    cells: (o, now) => {
      const pod = o as PodObj;
      const statuses = pod.status.containerStatuses ?? [];
      const ready = statuses.filter((c) => c.ready && c.state.running).length;
      const restarts = statuses.reduce((n, c) => n + c.restartCount, 0);
      const lastDeath = Math.max(0, ...statuses.map((c) => parseTime(c.lastState.terminated?.finishedAt) ?? 0));
      const restartText = restarts > 0 && lastDeath > 0 ? `${restarts} (${formatAge(now - lastDeath)} ago)` : String(restarts);
      return [pod.metadata.name, `${ready}/${pod.spec.containers.length}`, podStatusWord(pod), restartText, age(pod, now), pod.status.podIP ?? '<none>', pod.spec.nodeName || '<none>', '<none>', '<none>'];
    },
  },
  Deployment: {
    columns: [col('Name', 'string', 0, 'name'), col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), col('Age'), col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (o, now) => {
      const d = o as DeploymentObj;
      const s = d.status as { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
      return [
        d.metadata.name,
        `${s.readyReplicas ?? 0}/${d.spec.replicas}`,
        s.updatedReplicas ?? 0,
        s.availableReplicas ?? 0,
        age(d, now),
        d.spec.template.spec.containers.map((c) => c.name).join(','),
        d.spec.template.spec.containers.map((c) => c.image).join(','),
        selectorText(d.spec.selector),
      ];
    },
  },
  ReplicaSet: {
    columns: [col('Name', 'string', 0, 'name'), col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Age'), col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (o, now) => {
      const rs = o as ReplicaSetObj;
      const s = rs.status as { replicas?: number; readyReplicas?: number };
      return [
        rs.metadata.name,
        rs.spec.replicas,
        s.replicas ?? 0,
        s.readyReplicas ?? 0,
        age(rs, now),
        rs.spec.template.spec.containers.map((c) => c.name).join(','),
        rs.spec.template.spec.containers.map((c) => c.image).join(','),
        selectorText(rs.spec.selector),
      ];
    },
  },
  Namespace: {
    columns: [col('Name', 'string', 0, 'name'), col('Status'), col('Age')],
    cells: (o, now) => [o.metadata.name, String((o.status as { phase?: string }).phase ?? 'Active'), age(o, now)],
  },
  Node: {
    columns: [col('Name', 'string', 0, 'name'), col('Status'), col('Roles'), col('Age'), col('Version'), col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1), col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1)],
    cells: (o, now) => {
      const st = o.status as { conditions?: { type: string; status: string }[]; addresses?: { type: string; address: string }[]; nodeInfo?: Record<string, string> };
      const ready = st.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length));
      const addr = (t: string) => st.addresses?.find((a) => a.type === t)?.address ?? '<none>';
      return [o.metadata.name, ready ? 'Ready' : 'NotReady', roles.length ? roles.join(',') : '<none>', age(o, now), st.nodeInfo?.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), st.nodeInfo?.osImage ?? '', st.nodeInfo?.kernelVersion ?? '', st.nodeInfo?.containerRuntimeVersion ?? ''];
    },
  },
  Event: {
    columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 'string', 1), col('Source', 'string', 1), col('Message'), col('First Seen', 'string', 1), col('Count', 'integer', 1), col('Name', 'string', 1)],
    cells: (o, now) => {
      const inv = o.involvedObject as { kind?: string; name?: string; fieldPath?: string };
      const src = o.source as { component?: string; host?: string } | undefined;
      const last = parseTime(String(o.lastTimestamp ?? '')) ?? now;
      const first = parseTime(String(o.firstTimestamp ?? '')) ?? now;
      return [
        formatAge(now - last),
        String(o.type ?? ''),
        String(o.reason ?? ''),
        `${(inv.kind ?? '').toLowerCase()}/${inv.name ?? ''}`,
        inv.fieldPath ?? '',
        [src?.component, src?.host].filter(Boolean).join(', '),
        String(o.message ?? ''),
        formatAge(now - first),
        typeof o.count === 'number' ? o.count : 1,
        o.metadata.name,
      ];
    },
  },
};

export function toTable(kind: string, objects: KubeObject[], now: number, includeObject: string | null, resourceVersion?: string): Record<string, unknown> {
  const printer = PRINTERS[kind];
  const columns = printer?.columns ?? [col('Name', 'string', 0, 'name'), col('Age')];
  const rows = objects.map((o) => {
    const cells = printer ? printer.cells(o, now) : [o.metadata.name, age(o, now)];
    const mode = includeObject ?? 'Metadata';
    const object =
      mode === 'None'
        ? undefined
        : mode === 'Object'
          ? o
          : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
    return { cells, ...(object ? { object } : {}) };
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion ? { resourceVersion } : {},
    columnDefinitions: columns,
    rows,
  };
}
