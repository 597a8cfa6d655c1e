// The simulator's hostile mode (SimulatorOptions.hostile): backends that answer with text meant to take over
// the terminal of whoever displays it, the way a compromised workload or a buggy or malicious API server
// could. Pod names, labels and annotations, alert labels and annotations, log lines, Kubernetes event
// messages and an API error body all carry escape sequences, C1 controls and bidi overrides, around plain
// markers a test can look for in their neutralised form. The word "pwned" only ever appears inside a
// sequence (a window title, a hyperlink target, a DCS string), so a terminal shows it only if one got through.
import type { AlertmanagerSimWithState } from './alerts/alertmanager.js';
import type { LogStore, SimPod } from './contracts.js';
import { sendJson, type Handler } from './http.js';
import type { SimKubeCluster } from './kube/index.js';

/** Each kind of hostile payload, by name (tests assert that none of them reaches the screen). */
export const HOSTILE_SEQUENCES = {
  /** OSC 0: set the window title */
  title: '\u001b]0;pwned\u0007',
  /** OSC 8: a hyperlink whose visible text is harmless and whose target is not */
  hyperlink: '\u001b]8;;https://pwned.example/\u001b\\link\u001b]8;;\u001b\\',
  /** OSC 52: write the clipboard ("pwned", base64) */
  clipboard: '\u001b]52;c;cHduZWQ=\u0007',
  /** CSI: clear the screen and home the cursor, to forge what follows */
  clear: '\u001b[2J\u001b[H',
  /** SGR blinking red that never ends */
  colour: '\u001b[5;31m',
  /** DCS string */
  dcs: '\u001bPpwned\u001b\\',
  /** the 8-bit CSI (C1) and NEL */
  c1: '\u009b31m\u0085',
  /** right-to-left override and left-to-right isolate: reorder what is drawn after them */
  bidi: '\u202e\u2066',
} as const;

const ALL = Object.values(HOSTILE_SEQUENCES).join('');

/**
 * `marker` (plain text a test can find on screen) wrapped in every payload, ending on a lone ESC that would
 * swallow whatever the terminal is sent next.
 */
export function hostileText(marker: string): string {
  return `${marker}${HOSTILE_SEQUENCES.title}${HOSTILE_SEQUENCES.clear}${marker}${ALL}\u001b`;
}

/** The visible markers, for tests: each appears on screen (neutralised) where its text is shown. */
export const HOSTILE_MARKERS = {
  pod: 'hostile-pod',
  alert: 'HostileAlert',
  alertSummary: 'hostile-summary',
  log: 'hostile-log',
  event: 'hostile-event',
  apiError: 'hostile-error',
  user: 'hostile-user',
} as const;

export const HOSTILE_NAMESPACE = 'production';
export const HOSTILE_POD = `${HOSTILE_MARKERS.pod}${HOSTILE_SEQUENCES.title}${HOSTILE_SEQUENCES.clear}${HOSTILE_SEQUENCES.bidi}-x${HOSTILE_SEQUENCES.c1}`;
export const HOSTILE_USER = hostileText(HOSTILE_MARKERS.user);
/** the consensus member whose etcd gateway answers every request with a hostile HTTP 500 */
export const HOSTILE_ETCD_MEMBER = 2;
const HOSTILE_CONTAINER = 'hostile';
const LOG_EVERY_MS = 5000;

export interface HostileParts {
  cluster: SimKubeCluster;
  alertmanager: AlertmanagerSimWithState;
  logs: LogStore;
}

export interface Hostile {
  /** write the hostile log lines that are due (every pod's stream, every few seconds) */
  tick(tMs: number): void;
  /** the etcd gateway of HOSTILE_ETCD_MEMBER: an error body full of escapes for every request */
  etcdError: Handler;
}

/** Put the hostile pod, alert and events in place at `tMs` (when history begins, so they have a past). */
export function installHostile(parts: HostileParts, tMs: number): Hostile {
  const hostileLabels = { app: HOSTILE_CONTAINER, 'hostile.example/label': hostileText('hostile-label') };
  parts.cluster.seedBarePod({
    namespace: HOSTILE_NAMESPACE,
    name: HOSTILE_POD,
    labels: hostileLabels,
    annotations: { 'hostile.example/annotation': hostileText('hostile-annotation'), 'kubernetes.io/description': hostileText('hostile-description') },
    containers: [{ name: HOSTILE_CONTAINER, image: 'ghcr.io/hive-mind/hostile:latest' }],
    tMs,
  });
  parts.cluster.recordEvent({
    namespace: HOSTILE_NAMESPACE,
    kind: 'Pod',
    name: HOSTILE_POD,
    type: 'Warning',
    reason: 'Hostile',
    message: hostileText(HOSTILE_MARKERS.event),
    tMs,
  });
  parts.cluster.recordEvent({
    namespace: 'production',
    kind: 'Deployment',
    name: 'claude-tui',
    type: 'Warning',
    reason: 'Hostile',
    message: hostileText(HOSTILE_MARKERS.event),
    tMs,
  });
  // posted the way Prometheus posts (startsAt, endsAt): far enough ahead that it never resolves by itself
  parts.alertmanager.core.put(
    [
      {
        labels: { alertname: hostileText(HOSTILE_MARKERS.alert), severity: 'critical', namespace: HOSTILE_NAMESPACE, pod: HOSTILE_POD, job: hostileText('hostile-job') },
        annotations: { summary: hostileText(HOSTILE_MARKERS.alertSummary), description: hostileText('hostile-description') },
        startsAt: tMs,
        endsAt: tMs + 365 * 86_400_000,
        generatorURL: `http://127.0.0.1:9090/graph?g0.expr=${encodeURIComponent(hostileText('hostile-url'))}`,
      },
    ],
    tMs,
  );

  let lastLogMs = -Infinity;
  let seq = 0;
  const writeLines = (tMs: number, pods: readonly SimPod[]) => {
    for (const pod of pods) {
      if (pod.deleting) continue;
      const container = pod.deployment || HOSTILE_CONTAINER;
      const job = pod.deployment || hostileText('hostile-job');
      seq += 1;
      parts.logs.append({
        tMs,
        namespace: pod.namespace,
        pod: pod.name,
        container,
        labels: { app: container, job, namespace: pod.namespace, pod: pod.name, container },
        line: `${new Date(tMs).toISOString()} ERROR ${hostileText(HOSTILE_MARKERS.log)} seq=${seq}`,
      });
    }
  };

  return {
    tick(t) {
      if (t - lastLogMs < LOG_EVERY_MS) return;
      lastLogMs = t;
      writeLines(t, parts.cluster.pods());
    },
    etcdError: (_req, res) => {
      const message = hostileText(HOSTILE_MARKERS.apiError);
      // grpc-gateway's error shape: {error, code, message}
      sendJson(res, 500, { error: message, code: 13, message });
      return true;
    },
  };
}
