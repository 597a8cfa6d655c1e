// The informer's store, alone: a list, then watch events.
import { describe, expect, it } from 'vitest';
import { PodCache } from '../../src/sources/kube/pod-cache.js';
import type { RawPod } from '../../src/sources/pod-status.js';
import { pod } from './fake-servers.js';

const raw = (...args: Parameters<typeof pod>) => pod(...args) as RawPod;
const names = (c: PodCache) => c.pods().map((p) => p.name).sort();

describe('pod cache', () => {
  it('holds what the list said', () => {
    const c = new PodCache();
    c.replace([raw({ name: 'a' }), raw({ name: 'b' })]);
    expect(names(c)).toEqual(['a', 'b']);
  });

  it('DELETED removes the pod', () => {
    const c = new PodCache();
    c.replace([raw({ name: 'a' }), raw({ name: 'b' })]);
    c.apply('DELETED', raw({ name: 'b' }));
    expect(names(c)).toEqual(['a']);
  });

  it('ADDED adds, MODIFIED replaces the pod in place', () => {
    const c = new PodCache();
    c.replace([raw({ name: 'a' })]);
    c.apply('ADDED', raw({ name: 'b' }));
    c.apply('MODIFIED', raw({ name: 'a', phase: 'Failed', containerStatuses: [] }));
    expect(names(c)).toEqual(['a', 'b']);
    expect(c.pods().find((p) => p.name === 'a')!.phase).toBe('Failed');
  });

  it('a pod re-created under the same name is another pod: deleting the old one leaves the new one', () => {
    const c = new PodCache();
    c.replace([raw({ name: 'web-0', uid: 'old' })]);
    c.apply('ADDED', raw({ name: 'web-0', uid: 'new' }));
    c.apply('DELETED', raw({ name: 'web-0', uid: 'old' }));
    expect(c.pods().map((p) => p.uid)).toEqual(['new']);
  });

  it('a relist forgets pods deleted while the watch was down', () => {
    const c = new PodCache();
    c.replace([raw({ name: 'a' }), raw({ name: 'gone' })]);
    c.replace([raw({ name: 'a' })]);
    expect(names(c)).toEqual(['a']);
  });
});
