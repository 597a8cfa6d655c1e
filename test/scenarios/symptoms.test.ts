// Every demo scenario shows the runbook's symptoms: the real sources read the in-process simulator through
// its wire protocols, and the frame `hive-oncall snapshot` prints is rendered from that state. In-process
// rather than through the shipped bin (test/e2e/snapshot.test.ts runs that): the same code path without a
// Node start and a module load per scenario.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { demoCatalog, startDemo } from '../../src/app/demo.js';
import { createController } from '../../src/runtime/controller.js';
import { SOURCE_KEYS, type AlertGroup, type AppState, type PodInfo } from '../../src/state/types.js';
import { renderFrameText } from '../../views/frame.js';

const SIZE = { width: 120, height: 40 };
const TITLES = ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs'];
/** kubectl's STATUS for a container that keeps crashing: waiting in back-off, or just terminated */
const CRASHING = /^(CrashLoopBackOff|Error)$/;

interface Symptoms {
  /** what the on-call engineer must see in the 120x40 frame */
  screen: RegExp[];
  /** the same symptom in the state the frame was drawn from */
  state(st: AppState): void;
}

const podsOf = (st: AppState, deployment: string): PodInfo[] => st.kube.data!.pods.filter((p) => p.owner === deployment);
const alertnames = (st: AppState): string[] => st.alerts.data!.groups.map((g: AlertGroup) => g.alertname);
const slo = (st: AppState, id: string) => st.slos.data!.find((s) => s.id === id)!;

/** A Deployment with at least one pod in a crash loop as kubectl shows it: not ready, restarted. */
function expectCrashLooping(st: AppState, deployment: string): void {
  const crashing = podsOf(st, deployment).filter((p) => CRASHING.test(p.status));
  expect(crashing.length, `${deployment} pods: ${JSON.stringify(podsOf(st, deployment).map((p) => p.status))}`).toBeGreaterThan(0);
  for (const p of crashing) {
    expect(p.ready).toBe(0);
    expect(p.restarts).toBeGreaterThan(0);
  }
}

const SYMPTOMS: Record<string, Symptoms> = {
  calm: {
    screen: [/Pods ━ \d+ pods, 0 failing/, /hive-mind-rust/],
    state: (st) => {
      expect(st.kube.data!.pods.filter((p) => p.status !== 'Running' || p.ready !== p.total)).toEqual([]);
      expect(st.slos.data!.map((s) => s.id).sort()).toEqual(['availability', 'errors', 'latency', 'throughput']);
      expect(st.slos.data!.filter((s) => s.status === 'critical')).toEqual([]);
      expect(st.alerts.data!.groups.filter((g) => g.severity === 'critical')).toEqual([]);
    },
  },
  crashloop: {
    screen: [/hive-mind-coor\S*\s+0\/1\s+✖ (CrashLoopBackOff|Error)/, /ServiceDown|PodCrashLooping/, /Logs ─ deployment production\/hive-mind-coordinator/],
    state: (st) => {
      expectCrashLooping(st, 'hive-mind-coordinator');
      expect(alertnames(st).some((a) => a === 'ServiceDown' || a === 'PodCrashLooping')).toBe(true);
      // the Logs pane follows the failing Deployment on its own
      expect(st.logs.data!.target).toMatchObject({ kind: 'deployment', name: 'hive-mind-coordinator' });
    },
  },
  'bad-deploy': {
    screen: [/claude-tui\S*\s+0\/1\s+✖ (CrashLoopBackOff|Error)/, /HighErrorRate|PodCrashLooping/],
    state: (st) => {
      expectCrashLooping(st, 'claude-tui');
      // the bad rollout is the Deployment's second revision: there is one to undo to
      expect(st.kube.data!.deployments.find((d) => d.name === 'claude-tui')!.revision).toBeGreaterThanOrEqual(2);
      expect(alertnames(st).some((a) => a === 'HighErrorRate' || a === 'PodCrashLooping')).toBe(true);
    },
  },
  'latency-spike': {
    screen: [/HighLatency/, /Latency ─ ✖ P99 over 2s/],
    state: (st) => {
      expect(slo(st, 'latency')).toMatchObject({ status: 'critical' });
      expect(slo(st, 'latency').value).toBeGreaterThan(2);
      expect(st.latency.data!.p99.at(-1)![1]).toBeGreaterThan(st.latency.data!.thresholdSeconds);
      expect(alertnames(st)).toContain('HighLatency');
    },
  },
  'error-storm': {
    screen: [/HighErrorRate/, /Error rate\s+\d+\.\d+%.*✖ critical/],
    state: (st) => {
      expect(slo(st, 'errors').status).toBe('critical');
      expect(slo(st, 'errors').value).toBeGreaterThan(0.05);
      expect(alertnames(st)).toContain('HighErrorRate');
      // errors, not an outage: every pod is still up
      expect(st.kube.data!.pods.length).toBeGreaterThanOrEqual(9);
      expect(st.kube.data!.pods.filter((p) => p.status !== 'Running')).toEqual([]);
      expect(st.consensus.data!.members).toHaveLength(3);
    },
  },
  'leader-flap': {
    screen: [/ConsensusLeaderFlapping|ConsensusNoLeader/],
    state: (st) => {
      expect(alertnames(st).some((a) => a === 'ConsensusLeaderFlapping' || a === 'ConsensusNoLeader')).toBe(true);
      expect(st.consensus.data!.members).toHaveLength(3);
    },
  },
  'memory-leak': {
    screen: [/HighMemoryUsage|OOMKilled/],
    state: (st) => {
      const oom = st.kube.data!.pods.some((p) => p.status === 'OOMKilled');
      expect(oom || alertnames(st).includes('HighMemoryUsage')).toBe(true);
    },
  },
  'db-down': {
    screen: [/PostgreSQLDown/, /postgresql\S*\s+0\/1\s+✖/],
    state: (st) => {
      expect(alertnames(st)).toContain('PostgreSQLDown');
      expect(st.alerts.data!.groups.find((g) => g.alertname === 'PostgreSQLDown')!.severity).toBe('critical');
      expect(podsOf(st, 'postgresql').every((p) => p.ready === 0)).toBe(true);
      expect(slo(st, 'availability').status).toBe('critical');
    },
  },
};

/** The scenario's simulator and console, until the first answer of every pane; both stopped after. */
async function firstFrame(scenario: string): Promise<{ state: AppState; frame: string }> {
  const demo = await startDemo({ scenario, seed: 5, rbac: 'admin' });
  const controller = createController(demo.config, { mode: 'demo', scenario, version: 'test' });
  try {
    controller.start();
    expect(await controller.waitForFirstData(15000), 'every pane answered').toBe(true);
    const state = controller.store.getState();
    return { state, frame: renderFrameText(state, SIZE) };
  } finally {
    controller.stop();
    await demo.sim.stop();
  }
}

describe('the demo scenarios show their symptoms', () => {
  it('has a symptom check for every scenario the simulator knows', async () => {
    const { scenarios } = await demoCatalog();
    expect(Object.keys(SYMPTOMS).sort()).toEqual([...scenarios].sort());
  });

  for (const [scenario, symptoms] of Object.entries(SYMPTOMS)) {
    it(`${scenario}: on screen and in the state`, async () => {
      const { state, frame } = await firstFrame(scenario);
      for (const key of SOURCE_KEYS) expect(state[key].error, `${key} error`).toBeNull();
      symptoms.state(state);

      for (const title of TITLES) expect(frame).toContain(title);
      for (const p of symptoms.screen) expect(frame).toMatch(p);
      const lines = frame.split('\n');
      expect(lines).toHaveLength(SIZE.height - 1);
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(SIZE.width);
    });
  }
});
