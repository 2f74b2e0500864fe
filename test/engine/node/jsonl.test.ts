/** Issue 18: parseJsonl checks the trailer against the event lines; manifestDifference names the first differing field. */
import { describe, expect, it } from 'vitest';
import { parseJsonl, toJsonl } from '../../../engine/node/jsonl.ts';
import { manifestDifference } from '../../../engine/node/manifestDifference.ts';
import type { LogEvent, Manifest } from '../../../engine/sim/eventLog.ts';

const manifest: Manifest = { type: 'manifest', engine: 'yanlian', engineVersion: '0.1.0', scenario: { id: 'tiny', sha256: 'a'.repeat(64), file: 'tiny.yaml' }, seed: 1, horizonHours: 48 };
const events: LogEvent[] = [
  { seq: 1, t: 0, type: 'a' },
  { seq: 2, t: 1, type: 'b' },
];
const lines = () => toJsonl(manifest, events).trimEnd().split('\n');
const join = (ls: string[]) => ls.join('\n') + '\n';
const trailer = (f: (t: Record<string, unknown>) => void) => {
  const ls = lines();
  const t = JSON.parse(ls[3]!) as Record<string, unknown>;
  f(t);
  ls[3] = JSON.stringify(t);
  return join(ls);
};

describe('parseJsonl', () => {
  it('a log as written parses', () => {
    const r = parseJsonl(join(lines()));
    expect(r.ok && r.eventLines).toEqual(events.map((e) => JSON.stringify(e)));
  });

  it('a trailer whose SHA-256 does not match the lines, is garbage or missing, or miscounts: refused at the trailer line', () => {
    expect(parseJsonl(trailer((t) => (t.sha256 = 'b'.repeat(64))))).toMatchObject({ ok: false, line: 4, reason: 'hash', params: { last: 3 } });
    expect(parseJsonl(trailer((t) => (t.sha256 = 'zz')))).toMatchObject({ ok: false, line: 4, reason: 'trailer' });
    expect(parseJsonl(trailer((t) => delete t.sha256))).toMatchObject({ ok: false, line: 4, reason: 'trailer' });
    expect(parseJsonl(trailer((t) => (t.events = 3)))).toMatchObject({ ok: false, line: 4, reason: 'count', params: { expected: 3, actual: 2 } });
    expect(parseJsonl(join(lines().slice(0, 3)))).toMatchObject({ ok: false, line: 3, reason: 'trailer' });
    const edited = lines();
    edited[2] = edited[2]!.replace('"t":1', '"t":2');
    expect(parseJsonl(join(edited))).toMatchObject({ ok: false, line: 4, reason: 'hash' });
  });

  it('a manifest without what replay reads, or nested past the limit, is refused at line 1 (no throw)', () => {
    const ls = lines();
    for (const bad of [{ ...manifest, scenario: undefined }, { ...manifest, engineVersion: 1 }, { ...manifest, scenario: { id: 'x' } }, [], null]) {
      ls[0] = JSON.stringify(bad);
      expect(parseJsonl(join(ls))).toMatchObject({ ok: false, line: 1, reason: 'manifest' });
    }
    ls[0] = JSON.stringify({ ...manifest, decisions: [] }).replace('"decisions":[]', `"decisions":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(parseJsonl(join(ls))).toMatchObject({ ok: false, line: 1, reason: 'manifest' });
  });
});

describe('manifestDifference', () => {
  it('null when the same; else the first field by dotted path, extra and missing fields included', () => {
    expect(manifestDifference(manifest, structuredClone(manifest))).toBeNull();
    expect(manifestDifference({ ...manifest, engineVersion: '0.0.9' }, manifest)).toEqual({ field: 'engineVersion', logged: '0.0.9', expected: '0.1.0' });
    expect(manifestDifference({ ...manifest, scenario: { ...manifest.scenario, id: 'x' } }, manifest)?.field).toBe('scenario.id');
    expect(manifestDifference({ ...manifest, note: 1 }, manifest)).toEqual({ field: 'note', logged: 1, expected: undefined });
    const { horizonHours: _, ...noHorizon } = manifest;
    expect(manifestDifference(noHorizon, manifest)).toEqual({ field: 'horizonHours', logged: undefined, expected: 48 });
    expect(manifestDifference({ ...manifest, file: undefined }, manifest)).toBeNull();
  });
});
