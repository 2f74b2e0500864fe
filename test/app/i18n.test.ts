import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeRecord, type Translate } from '../../src/app/format/describeRecord.ts';
import { MapNames } from '../../src/app/format/MapNames.ts';
import { simTime } from '../../src/app/format/simTime.ts';
import { en } from '../../src/app/i18n/en.ts';
import { zhCN } from '../../src/app/i18n/zhCN.ts';
import type { EventFrame, MapInfo } from '../../src/app/net/types.ts';

/** Every leaf of a catalogue as [key path, text]. */
function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web app strings (zh-CN first, English too)', () => {
  it('English has every zh-CN key with the same placeholders', () => {
    const z = new Map(leaves(zhCN));
    const e = new Map(leaves(en));
    expect([...e.keys()].sort()).toEqual([...z.keys()].sort());
    for (const [k, v] of z) expect(params(e.get(k)!), k).toEqual(params(v));
  });

  it('zh-CN strings are Chinese', () => {
    const latinOnly = leaves(zhCN).filter(([k, v]) => v && !/[\u4e00-\u9fff]/.test(v) && !/^[{}\s\w.×:+→…-]*$/.test(v) && !k.startsWith('connection.closedEn'));
    expect(latinOnly).toEqual([]);
  });

  it('describes engine events, reports and actions with names, in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
    const map = {
      hazardSites: [{ id: 's1', name: { zh: '石佛滑坡点', en: 'Shifo slide' }, kind: 'landslide', village: 'v1', threatenedPeople: 30 }],
      region: { name: { zh: '县', en: 'County' }, townships: [], villages: [{ id: 'v1', name: { zh: '庆云村', en: 'Qingyun' }, township: 't1', population: 1, node: 'n' }] },
      roads: { nodes: [], links: [{ id: 'l1', name: { zh: '乐资路', en: 'Le–Zi road' }, from: 'a', to: 'b', lengthKm: 1, trunk: true }] },
      shelters: [],
      items: [],
      warehouses: [],
      teams: [{ id: 'tm1', name: { zh: '县救援队', en: 'County team' }, tier: 'county', node: 'n', size: 30, capabilities: [] }],
      positions: [{ id: 'county-eb', name: { zh: '县应急管理局', en: 'County EMB' } }],
      you: null,
      id: 'x',
    } as unknown as MapInfo;
    const names = new MapNames(map);
    const frame = (kind: EventFrame['kind'], data: Record<string, unknown>): EventFrame => ({ type: 'event', cursor: '1', t: 0, at: 0, kind, data });
    const zh = i18n.getFixedT('zh-CN') as unknown as Translate;
    const enT = i18n.getFixedT('en') as unknown as Translate;
    expect(describeRecord(frame('sim', { type: 'site.failed', site: 's1', affected: 12, deadMissing: 1 }), names, 'zh', zh)).toBe('石佛滑坡点发生灾害：受灾 12 人，死亡失踪 1 人');
    expect(describeRecord(frame('sim', { type: 'response.changed', from: 'IV', to: 'II' }), names, 'zh', zh)).toBe('县应急响应：Ⅳ级响应 → Ⅱ级响应');
    expect(describeRecord(frame('sim', { type: 'team.dispatched', team: 'tm1', task: 'clear', target: 'l1' }), names, 'en', enT)).toBe('County team sent on road clearing: Le–Zi road');
    expect(describeRecord(frame('intel', { what: 'roadCut', link: 'l1', trunk: true }), names, 'zh', zh)).toBe('报告：乐资路干线道路中断');
    expect(describeRecord(frame('sim', { type: 'something.new', x: 1 }), names, 'zh', zh)).toBe('something.new {"x":1}');
    // the fire season and the end of relief: names, never raw JSON (contained/out carry only the fire's index)
    expect(describeRecord(frame('sim', { type: 'fire.detected', fire: 0, site: 's1', areaHa: 0.4 }), names, 'zh', zh)).toBe('石佛滑坡点发现林火（约 0.4 公顷）');
    expect(describeRecord(frame('sim', { type: 'fire.wui', fire: 0, site: 's1', village: 'v1', people: 30, alreadyEvacuated: false }), names, 'zh', zh)).toBe('石佛滑坡点林火逼近庆云村，30 人需转移');
    expect(describeRecord(frame('sim', { type: 'fire.contained', fire: 0, areaHa: 3.2, grade: '较大' }), names, 'zh', zh)).toBe('林火已控制（3.2 公顷，较大森林火灾）');
    expect(describeRecord(frame('sim', { type: 'fire.contained', fire: 0, areaHa: 3.2, grade: '较大' }), names, 'en', enT)).toBe('Forest fire contained (3.2 ha, large forest fire)');
    expect(describeRecord(frame('sim', { type: 'fire.out', fire: 0, hoursFromDetection: 7 }), names, 'zh', zh)).toBe('林火已扑灭');
    expect(describeRecord(frame('sim', { type: 'fire.crewOnLine', fire: 0, team: 'tm1', lineM: 10, perimeterM: 900 }), names, 'en', enT)).toBe('County team reaches the fire line');
    expect(describeRecord(frame('sim', { type: 'relief.ended', village: 'v1', people: 30, remaining: 0 }), names, 'zh', zh)).toBe('庆云村30 人结束救助');
    expect(describeRecord(frame('sim', { type: 'team.dispatched', team: 'tm1', task: 'suppress', target: 's1' }), names, 'zh', zh)).toBe('县救援队受命扑火：石佛滑坡点');
    expect(
      describeRecord(frame('action', { position: 'county-eb', decision: { kind: 'setResponseLevel', level: 'III' }, result: 'rejected', error: { code: 'sameLevel', zh: '当前已是III级响应', en: 'already' } }), names, 'zh', zh),
    ).toBe('县应急管理局：县应急响应调整为Ⅲ级响应（被拒绝：当前已是III级响应）');
  });

  it('formats simulated time as T+hh:mm', () => {
    expect(simTime(0)).toBe('T+00:00');
    expect(simTime(61.9)).toBe('T+01:01');
    expect(simTime(60 * 50 + 5)).toBe('T+50:05');
  });
});
