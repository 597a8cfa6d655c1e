// A request log line kept as its parts and rendered on first read. The hour of history holds ~18k of these
// and almost none is ever read (the dashboard asks for the last few minutes and a pod's tail), so the
// back-fill pays neither for formatting nor, since this is one object per line, for the GC copying more.
import type { LogEntry } from '../contracts.js';
import { renderRequestLine } from './log-lines.js';
import type { ServiceSpec } from './topology.js';

export class RequestEntry implements LogEntry {
  private text: string | undefined;

  constructor(
    readonly tMs: number,
    /** the pod's stream labels: namespace, pod and container are read from them */
    readonly labels: Readonly<Record<'namespace' | 'pod' | 'container', string>> & Record<string, string>,
    private readonly service: ServiceSpec,
    private readonly path: string,
    private readonly status: number,
    private readonly latencyMs: number,
  ) {}

  get namespace(): string {
    return this.labels.namespace;
  }

  get pod(): string {
    return this.labels.pod;
  }

  get container(): string {
    return this.labels.container;
  }

  get line(): string {
    this.text ??= renderRequestLine(this.service, this.path, this.tMs, this.status, this.latencyMs);
    return this.text;
  }
}
