import { describe, expect, it } from 'vitest';
import { applyPatch, jsonPatch, mergePatch, strategicMerge, type Json } from '../../../src/demo/kube/patch.js';
import { KubeError } from '../../../src/demo/kube/status.js';

const template: Json = {
  spec: {
    containers: [
      { name: 'app', image: 'app:1', args: ['--a'] },
      { name: 'sidecar', image: 'envoy:1' },
    ],
  },
};

describe('patches', () => {
  it('strategic merge merges containers by name; merge patch replaces the list', () => {
    const patch = { spec: { containers: [{ name: 'sidecar', image: 'envoy:2' }] } };
    expect(strategicMerge(template, patch)).toEqual({
      spec: { containers: [{ name: 'app', image: 'app:1', args: ['--a'] }, { name: 'sidecar', image: 'envoy:2' }] },
    });
    expect(mergePatch(template, patch)).toEqual({ spec: { containers: [{ name: 'sidecar', image: 'envoy:2' }] } });
  });

  it('strategic merge honours $patch: delete and ignores ordering directives', () => {
    const patch = { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }], '$setElementOrder/containers': [{ name: 'app' }] } };
    expect(strategicMerge(template, patch)).toEqual({ spec: { containers: [{ name: 'app', image: 'app:1', args: ['--a'] }] } });
  });

  it('merge patch null deletes a key', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null } })).toEqual({ a: 1, b: { d: 3 } });
  });

  it('json patch replaces, adds, removes, and fails on a missing path', () => {
    const doc = { metadata: { annotations: { x: '1' } }, spec: { containers: [{ name: 'a' }] } };
    expect(
      jsonPatch(doc, [
        { op: 'replace', path: '/metadata/annotations', value: { y: '2' } },
        { op: 'add', path: '/spec/containers/-', value: { name: 'b' } },
        { op: 'remove', path: '/spec/containers/0' },
      ]),
    ).toEqual({ metadata: { annotations: { y: '2' } }, spec: { containers: [{ name: 'b' }] } });
    expect(() => jsonPatch(doc, [{ op: 'replace', path: '/spec/nope/x', value: 1 }])).toThrow(KubeError);
  });

  it('rejects unknown patch types and bad JSON with Status codes', () => {
    const code = (f: () => unknown): number | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof KubeError ? e.code : undefined;
      }
      return undefined;
    };
    expect(code(() => applyPatch({}, 'application/apply-patch+yaml', 'a: 1'))).toBe(415);
    expect(code(() => applyPatch({}, 'application/merge-patch+json', '{'))).toBe(400);
    expect(code(() => applyPatch({}, 'application/json-patch+json', '{}'))).toBe(400);
  });
});
