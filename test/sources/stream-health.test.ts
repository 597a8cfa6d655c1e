// One health for a target's many streams: the worst news first.
import { describe, expect, it } from 'vitest';
import { streamHealth } from '../../src/sources/logs/stream-health.js';

const target = { hasTarget: true, resolving: false, failed: false };

describe('stream health', () => {
  it('is idle without a target, whatever else is true', () => {
    expect(streamHealth({ hasTarget: false, resolving: true, failed: true }, ['live'])).toBe('idle');
  });

  it('without streams: connecting while resolving, reconnecting after a failed resolve, ended when nothing matched', () => {
    expect(streamHealth({ ...target, resolving: true }, [])).toBe('connecting');
    expect(streamHealth({ ...target, failed: true }, [])).toBe('reconnecting');
    expect(streamHealth(target, [])).toBe('ended');
  });

  it('one broken stream among live ones shows reconnecting; one still connecting shows connecting', () => {
    expect(streamHealth(target, ['live', 'reconnecting', 'live'])).toBe('reconnecting');
    expect(streamHealth(target, ['live', 'connecting', 'reconnecting'])).toBe('reconnecting');
    expect(streamHealth(target, ['live', 'connecting'])).toBe('connecting');
  });

  it('is live while any stream is live and the others ended; ended only when all did', () => {
    expect(streamHealth(target, ['live', 'ended'])).toBe('live');
    expect(streamHealth(target, ['ended', 'ended'])).toBe('ended');
  });
});
