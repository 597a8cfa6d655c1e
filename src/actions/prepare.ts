// One request to its action module's Draft, on the backend the action acts on. Throws when a read the
// draft needs fails (the planner turns that into a failed pre-check).
import type { Backends } from './backends.js';
import type { Draft, PrepareOptions } from './draft.js';
import { prepareLeaderTransfer } from './leader-transfer.js';
import { preparePodDelete } from './pod-delete.js';
import { prepareRestart } from './rollout-restart.js';
import { prepareUndo } from './rollout-undo.js';
import { prepareScale } from './scale.js';
import { prepareSilenceCreate, prepareSilenceExpire } from './silence.js';
import type { ActionRequest } from '../state/actions.js';

export async function prepareDraft(backends: Pick<Backends, 'kube' | 'alertmanager' | 'etcd'>, req: ActionRequest, opts: PrepareOptions): Promise<Draft> {
  const t = req.target;
  if (t.kind === 'pod' || t.kind === 'deployment') {
    const k = backends.kube();
    if ('error' in k) throw new Error(k.error);
    const { namespace: ns, name } = t;
    switch (req.action) {
      case 'pod-delete':
        return preparePodDelete(k.api, req, ns, name, opts);
      case 'rollout-restart':
        return prepareRestart(k.api, req, ns, name, opts);
      case 'rollout-undo':
        return prepareUndo(k.api, req, ns, name, opts);
      case 'scale':
        return prepareScale(k.api, req, ns, name, opts);
      default:
        break;
    }
  }
  if (req.action === 'silence-create') return prepareSilenceCreate(backends.alertmanager(), req, opts);
  if (req.action === 'silence-expire') return prepareSilenceExpire(backends.alertmanager(), req, opts);
  return prepareLeaderTransfer(backends.etcd(), req, opts);
}
