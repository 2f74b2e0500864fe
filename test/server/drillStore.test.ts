import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../engine/drill/hashChain.ts';
import { MIGRATIONS, migrate, openDb } from '../../src/server/db.ts';
import { sha256Node } from '../../src/server/secrets.ts';
import { FakeClock, makeService, tempDir } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('SQLite drill store', () => {
  it('opens one WAL file and runs the migrations once', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(`${t.dir}/d.sqlite`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    db.close();
    const again = openDb(`${t.dir}/d.sqlite`);
    expect(migrate(again)).toBe(0);
    again.close();
  });

  it('refuses a database from a newer server', () => {
    const db = openDb(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('drills, participants and every event survive a restart, hash-chained', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = `${t.dir}/drills.sqlite`;
    const clock = new FakeClock();
    const a = makeService(file, clock);
    const created = await a.service.createDrill({ title: '测试演练', password: 'secret1', scenario: 'tiny', seed: 1, speed: 600 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { drillId } = created.value;
    const ld = a.service.drill(drillId)!;
    const dir = a.service.authenticate(created.value.token)!.participant;
    const joined = a.service.joinPosition(created.value.positionCodes['twp-tb']!.replace('-', ''), '乙镇值班员');
    expect(joined.ok).toBe(true);
    expect(a.service.control(dir, ld, 'brief').ok).toBe(true);
    expect(a.service.control(dir, ld, 'start').ok).toBe(true);
    for (let i = 0; i < 60; i++) {
      clock.advance(1000);
      a.service.tickAll();
    }
    const before = a.service.store.records(drillId);
    expect(before.length).toBeGreaterThan(10);
    a.db.close();

    const b = makeService(file, clock);
    const after = b.service.store.records(drillId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ kind: 'recovered' });
    expect(verifyChain(after, sha256Node)).toMatchObject({ ok: true, count: after.length });
    expect(b.service.drill(drillId)!.session.phase).toBe('running');
    expect(b.service.store.participants(drillId).map((p) => p.role)).toEqual(['director', 'trainee']);
    expect(b.service.authenticate(created.value.token)?.participant.id).toBe(dir.id);
    b.db.close();
  });

  it('an append is one transaction: a failing insert leaves neither events nor state behind', async () => {
    const { service, db } = makeService();
    const c = await service.createDrill({ title: 'x', password: 'secret1', scenario: 'tiny', seed: 1 });
    if (!c.ok) throw new Error('create');
    const id = c.value.drillId;
    const headBefore = service.store.drill(id)!.headSeq;
    const bad = { t: 0, kind: 'note' as const, audience: 'staff', data: { x: 1n as unknown as number } };
    expect(() => service.store.append(id, [{ t: 0, kind: 'note', audience: 'staff', data: { ok: 1 } }, bad], 1, service.drill(id)!.session.state)).toThrow();
    expect(service.store.drill(id)!.headSeq).toBe(headBefore);
    expect(service.store.records(id).length).toBe(headBefore);
    db.close();
  });

  it('a failed commit stops the drill (read-only) and a restart rebuilds it from what was committed', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = `${t.dir}/drills.sqlite`;
    const clock = new FakeClock();
    const a = makeService(file, clock);
    const c = await a.service.createDrill({ title: 'x', password: 'secret1', scenario: 'tiny', seed: 1, speed: 600 });
    if (!c.ok) throw new Error('create');
    const ld = a.service.drill(c.value.drillId)!;
    const dir = a.service.authenticate(c.value.token)!.participant;
    a.service.control(dir, ld, 'brief');
    a.service.control(dir, ld, 'start');
    clock.advance(10_000);
    a.service.tickAll();
    const committed = a.service.store.records(c.value.drillId).length;
    const append = a.service.store.append.bind(a.service.store);
    a.service.store.append = () => {
      throw new Error('disk full');
    };
    clock.advance(10_000);
    expect(() => a.service.tickAll()).toThrow(/disk full/);
    a.service.store.append = append;
    expect(ld.broken).toMatch(/disk full/);
    expect(a.service.control(dir, ld, 'pause')).toMatchObject({ ok: false, error: { code: 'drillBroken' } });
    a.db.close();
    const b = makeService(file, clock);
    const again = b.service.drill(c.value.drillId)!;
    expect(again.broken).toBeNull();
    expect(again.session.phase).toBe('running');
    expect(b.service.store.records(c.value.drillId).length).toBe(committed + 1); // + the 'recovered' record
    b.db.close();
  });
});
