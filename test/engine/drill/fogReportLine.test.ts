import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeRecord, type Translate } from '../../../src/app/format/describeRecord.ts';
import { MapNames } from '../../../src/app/format/MapNames.ts';
import { en } from '../../../src/app/i18n/en.ts';
import { zhCN } from '../../../src/app/i18n/zhCN.ts';
import type { EventFrame, MapInfo } from '../../../src/app/net/types.ts';

/** How a trainee's feed reads a slide's report now that it names shelters and needs, never counts. */
describe("a slide's report in the feed", () => {
  it('names the site, the village, the shelters, the unsheltered and the need for relief, in both languages; older reports read as before', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
    const map = {
      hazardSites: [{ id: 's1', name: { zh: '石佛滑坡点', en: 'Shifo slide' }, kind: 'landslide', village: 'v1', threatenedPeople: 30 }],
      region: { name: { zh: '县', en: 'County' }, townships: [], villages: [{ id: 'v1', name: { zh: '庆云村', en: 'Qingyun' }, township: 't1', population: 1, node: 'n' }] },
      roads: { nodes: [], links: [] },
      shelters: [
        { id: 'sh1', name: { zh: '中心避难场所', en: 'Central shelter' }, node: 'n', capacity: 100 },
        { id: 'sh2', name: { zh: '镇避难场所', en: 'Town shelter' }, node: 'n', capacity: 100 },
      ],
      items: [],
      warehouses: [],
      teams: [],
      positions: [],
      you: null,
      id: 'x',
    } as unknown as MapInfo;
    const names = new MapNames(map);
    const frame = (data: Record<string, unknown>): EventFrame => ({ type: 'event', cursor: '1', t: 0, at: 0, kind: 'intel', data });
    const zh = i18n.getFixedT('zh-CN') as unknown as Translate;
    const enT = i18n.getFixedT('en') as unknown as Translate;
    const report = { what: 'siteFailed', site: 's1', village: 'v1', sinceMin: 100, shelters: ['sh1', 'sh2'], unsheltered: true, needsRelief: true };
    expect(describeRecord(frame(report), names, 'zh', zh)).toBe('报告：石佛滑坡点（庆云村）发生地质灾害；群众已安置到中心避难场所、镇避难场所；部分群众无处安置；需要救助');
    expect(describeRecord(frame(report), names, 'en', enT)).toBe('Report: slope failure at Shifo slide (Qingyun); people sheltered at Central shelter, Town shelter; some people have no shelter; relief needed');
    expect(describeRecord(frame({ ...report, shelters: [], unsheltered: false, needsRelief: false }), names, 'zh', zh)).toBe('报告：石佛滑坡点（庆云村）发生地质灾害');
    expect(describeRecord(frame({ what: 'siteFailed', site: 's1', village: 'v1', sinceMin: 100 }), names, 'zh', zh)).toBe('报告：石佛滑坡点（庆云村）发生地质灾害');
  });
});
