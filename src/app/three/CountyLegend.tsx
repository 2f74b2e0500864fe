import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRE_COLOURS, LINK_COLOURS, SITE_COLOURS } from './CountyScene.tsx';
import { BLOCK_COLOURS, ROUTE_COLOURS } from './RoadOverlays.tsx';
import { ensureSceneI18n } from './sceneI18n.ts';

const swatch: CSSProperties = { display: 'inline-block', width: 14, height: 6, marginRight: 3, verticalAlign: 'middle', borderRadius: 2 };
/** a road's colour: a band as wide as the ribbon */
const band = (c: string) => <i style={{ ...swatch, background: c }} />;
/** a route: a thin line, as drawn over the roads */
const line = (c: string) => <i style={{ ...swatch, height: 2, borderRadius: 1, background: c }} />;
/** a barrier across a road: a short upright block on a grey road */
const barrier = (c: string) => (
  <i style={{ ...swatch, background: `linear-gradient(90deg, ${LINK_COLOURS.open} 40%, ${c} 40%, ${c} 60%, ${LINK_COLOURS.open} 60%)`, height: 8 }} />
);
/** a fire: the burnt ellipse inside its perimeter */
const fire = (c: string) => <i style={{ ...swatch, width: 12, height: 8, borderRadius: '50%', background: '#3a2418', border: `2px solid ${c}` }} />;
/** a bar: stock or occupancy */
const bar = (a: string, b: string) => <i style={{ ...swatch, width: 5, height: 12, background: `linear-gradient(${a}, ${b})` }} />;

/**
 * The county scene's legend: roads by state, hazard sites by state, the barriers across closed
 * roads, route lines (to a task, home, relief trucks), forest fires, and the stock and shelter
 * bars — every mark the scene draws in colour, with the colours the scene uses.
 */
export function CountyLegend({ testId = 'county-legend' }: { testId?: string }) {
  const { t } = useTranslation();
  ensureSceneI18n();
  return (
    <div className="pb-legend" data-testid={testId}>
      {(['open', 'cut', 'clearing', 'reopened'] as const).map((k) => (
        <span key={k}>
          {band(LINK_COLOURS[k])}
          {t(`playback.legend.${k}`)}
        </span>
      ))}
      <span>
        {barrier(BLOCK_COLOURS.cut)}
        {t('scene.legend.barrierCut')}
      </span>
      <span>
        {barrier(BLOCK_COLOURS.clearing)}
        {t('scene.legend.barrierClearing')}
      </span>
      {(['stable', 'watch', 'failed'] as const).map((k) => (
        <span key={k}>
          {band(SITE_COLOURS[k])}
          {t(`playback.legend.${k}`)}
        </span>
      ))}
      <span>
        {line(ROUTE_COLOURS.team)}
        {t('scene.legend.route')}
      </span>
      <span>
        {line(ROUTE_COLOURS.home)}
        {t('scene.legend.routeHome')}
      </span>
      <span>
        {line(ROUTE_COLOURS.truck)}
        {t('scene.legend.truck')}
      </span>
      <span>
        {fire(FIRE_COLOURS.burning)}
        {t('scene.legend.fire')}
      </span>
      <span>
        {bar('#2e86de', '#e74c3c')}
        {t('scene.legend.stock')}
      </span>
      <span>
        {bar('#8e44ad', '#d7bde2')}
        {t('scene.legend.people')}
      </span>
    </div>
  );
}
