// The simulated Hive Mind as a whole: scenarios act out the runbook's symptoms from causes, the same seed
// tells the same story, and removing a cause (the remediation) heals the readings.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../src/demo/simulator.js';
import { BAD_DEPLOY, containersFor, SERVICES } from '../../../src/demo/world/topology.js';

const START = Date.UTC(2026, 10, 22, 20, 0, 0);

function world(scenario: Parameters<typeof buildWorld>[0], seed = 11) {
  let t = START;
  const built = buildWorld(scenario, seed, () => t);
  return {
    ...built,
    advance(seconds: number) {
      for (let i = 0; i < seconds; i++) {
        t += 1000;
        built.world.tick(t);
      }
    },
    firing: () => built.parts.alertmanager.core.firingAt(t).map((a) => a.labels.alertname),
    pods: (deployment: string) => built.parts.cluster.pods().filter((p) => p.deployment === deployment && !p.deleting),
  };
}

const story = (w: ReturnType<typeof world>) =>
  w.parts.cluster
    .pods()
    .map((p) => `${p.name} ${p.status} ${p.restarts}`)
    .sort();

describe('the simulated world', () => {
  it('tells the same story for the same seed, and another for another seed', () => {
    expect(story(world('crashloop', 5))).toEqual(story(world('crashloop', 5)));
    expect(story(world('crashloop', 5))).not.toEqual(story(world('crashloop', 6)));
  });

  it('calm: every pod ready, nothing firing', () => {
    const w = world('calm');
    expect(w.parts.cluster.pods().every((p) => p.ready)).toBe(true);
    expect(w.firing()).toEqual([]);
  });

  it('crashloop: the coordinator crash-loops with growing restarts and ServiceDown fires', () => {
    const w = world('crashloop');
    const pods = w.pods('hive-mind-coordinator');
    expect(pods.every((p) => !p.ready)).toBe(true);
    expect(Math.min(...pods.map((p) => p.restarts))).toBeGreaterThanOrEqual(3);
    expect(w.firing()).toContain('ServiceDown');
  });

  it('db-down: PostgreSQL is down and its dependants fail', () => {
    const w = world('db-down');
    expect(w.pods('postgresql').some((p) => p.ready)).toBe(false);
    expect(w.firing()).toEqual(expect.arrayContaining(['PostgreSQLDown', 'HighErrorRate']));
  });

  it('bad-deploy: the new image crash-loops; rolling back to the old template heals it', () => {
    const w = world('bad-deploy');
    const bad = w.pods('claude-tui').filter((p) => p.images.includes(BAD_DEPLOY.image));
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((p) => !p.ready)).toBe(true);
    expect(w.firing()).toContain('PodCrashLooping');

    const service = SERVICES.find((s) => s.deployment === 'claude-tui')!;
    w.parts.cluster.setTemplate(BAD_DEPLOY.namespace, BAD_DEPLOY.deployment, containersFor(service, service.image), START + 1000);
    w.advance(120);
    const after = w.pods('claude-tui');
    expect(after.every((p) => p.ready && p.images.includes(service.image))).toBe(true);
    w.advance(300);
    expect(w.firing()).not.toContain('PodCrashLooping');
    expect(w.firing()).not.toContain('HighErrorRate');
  });

  it('memory-leak: a pod has been OOM-killed and HighMemoryUsage fires', () => {
    const w = world('memory-leak');
    expect(w.pods('hive-mind-rust').some((p) => p.restarts > 0)).toBe(true);
    expect(w.firing()).toContain('HighMemoryUsage');
  });

  it('leader-flap: the consensus leader keeps changing', () => {
    const w = world('leader-flap');
    expect(w.parts.consensus.leaderChangesSince(START - 10 * 60 * 1000)).toBeGreaterThanOrEqual(3);
    expect(w.firing()).toContain('ConsensusLeaderFlapping');
  });
});
