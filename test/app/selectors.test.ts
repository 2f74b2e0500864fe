import { describe, expect, it } from 'vitest';
import type { EventFrame } from '../../src/app/net/types.ts';
import { acknowledged, actionRecords, countyWarning, duplicateCursors, intelReports, openShelters, releasedInjects, responseLevel, teamStates, weatherSignal } from '../../src/app/state/selectors.ts';

let n = 0;
const ev = (kind: EventFrame['kind'], data: Record<string, unknown>, t = 0): EventFrame => ({ type: 'event', cursor: `c${++n}`, t, at: 0, kind, data });
const sim = (type: string, fields: Record<string, unknown> = {}, t = 0) => ev('sim', { type, t, ...fields }, t);

describe('web app selectors (pure views of the received log)', () => {
  const log: EventFrame[] = [
    sim('warning.changed', { from: 'none', to: 'yellow' }, 60),
    sim('response.changed', { from: 'none', to: 'IV' }, 70),
    ev('inject', { key: 'inject:a', inject: 'a', title: { zh: '标题', en: 'Title' }, body: { zh: '正文', en: 'Body' }, channel: 'phone', to: [], how: 'scheduled' }, 0),
    ev('ack', { key: 'inject:a', position: 'county-eb', participant: 'p1' }, 5),
    sim('warning.issued', { level: 'orange' }, 80),
    sim('warning.changed', { from: 'yellow', to: 'red' }, 90),
    sim('response.changed', { from: 'IV', to: 'III' }, 95),
    ev('intel', { key: 'intel:7', what: 'roadCut', link: 'l1', trunk: true, sinceMin: 100 }, 120),
    ev('action', { clientId: 'x', participant: 'p1', position: 'county-eb', decision: { kind: 'setResponseLevel', level: 'III' }, result: 'rejected', error: { code: 'sameLevel', zh: '已是', en: 'already' } }, 130),
    sim('team.dispatched', { team: 'tm1', task: 'rescue', target: 's1' }, 140),
    sim('team.arrived', { team: 'tm1' }, 150),
    sim('shelter.opened', { shelter: 'sh1' }, 160),
  ];

  it('reads the latest public signals', () => {
    expect(responseLevel(log)).toBe('III');
    expect(weatherSignal(log)).toBe('red');
    expect(countyWarning(log)).toBe('orange');
    expect(responseLevel([])).toBe('none');
    expect(weatherSignal([])).toBe('none');
  });

  it('lists injects, acknowledgements, reports and actions', () => {
    expect(releasedInjects(log)).toEqual([expect.objectContaining({ key: 'inject:a', title: { zh: '标题', en: 'Title' }, channel: 'phone' })]);
    expect(acknowledged(log).get('inject:a')).toEqual(new Set(['county-eb']));
    expect(intelReports(log)).toEqual([expect.objectContaining({ what: 'roadCut', link: 'l1', trunk: true, sinceMin: 100, t: 120 })]);
    expect(actionRecords(log)).toEqual([expect.objectContaining({ result: 'rejected', error: expect.objectContaining({ code: 'sameLevel' }) })]);
  });

  it('follows teams and shelters from their events; unmentioned teams are idle', () => {
    expect(teamStates(log, ['tm1', 'tm2'])).toEqual({ tm1: 'onSite', tm2: 'idle' });
    expect(openShelters(log)).toEqual(new Set(['sh1']));
  });

  it('finds duplicated records (a resume bug) and none in a clean log', () => {
    expect(duplicateCursors(log)).toEqual([]);
    expect(duplicateCursors([...log, log[3]!])).toEqual([log[3]!.cursor]);
  });
});
