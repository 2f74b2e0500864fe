import i18next from 'i18next';

/** The scenes' own strings (`scene.*`): the legend's added entries and the feed's fly-to hint. */
const zhCN = {
  legend: { route: '队伍路线', routeHome: '返回路线', truck: '救灾物资车', barrierCut: '路障：中断', barrierClearing: '路障：抢通中', fire: '林火范围', stock: '库存（蓝高红低）', people: '安置人数' },
  feed: { locate: '点击在态势图上定位' },
};
const en: typeof zhCN = {
  legend: { route: 'team route', routeHome: 'route home', truck: 'relief truck', barrierCut: 'barrier: cut', barrierClearing: 'barrier: being cleared', fire: 'forest fire', stock: 'stock (blue full, red low)', people: 'people sheltered' },
  feed: { locate: 'click to show it on the situation map' },
};

/** Adds the scene strings to the catalogue once, deep-merged (after initI18n, as the playback's are). */
export function ensureSceneI18n(): void {
  if (i18next.exists('scene.legend.route', { lng: 'zh-CN' })) return;
  i18next.addResourceBundle('zh-CN', 'translation', { scene: zhCN }, true, false);
  i18next.addResourceBundle('en', 'translation', { scene: en }, true, false);
}
