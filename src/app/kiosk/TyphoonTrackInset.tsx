import { useEffect, useMemo, useRef } from 'react';
import type { Lang } from '../format/pickText.ts';
import type { Player } from '../playback/player.ts';
import { COAST, INSET_H as H, INSET_W as W, insetXY } from './trackCoast.ts';
import { beaufort, distanceKm, IN_FA_TRACK, PINGHU_LANDFALL, TRACK_PLACES, trackAt, trackTimeMs, type TrackPoint } from './typhoonTrack.ts';
import './typhoonTrack.css';

export interface TyphoonTrackInsetProps {
  player: Player;
  /** the run's hourly rain, [t at the end of the hour, mm]: its peak is aligned with the landfall at 平湖 */
  rain: readonly (readonly [number, number])[];
  /** where 平湖 is: the middle of the scenario's places */
  pinghu: { lat: number; lon: number };
  lang: Lang;
  track?: readonly TrackPoint[];
}

const TEXT = {
  title: { zh: '台风「烟花」(2021) 实况路径', en: 'Typhoon In-Fa (2021), its real track' },
  pinghu: { zh: '平湖', en: 'Pinghu' },
  far: { zh: '台风中心距平湖 {km} 公里 · {force} 级', en: 'Centre {km} km from Pinghu · force {force}' },
  gone: { zh: '台风已远离', en: 'The typhoon has moved away' },
  note: { zh: '雨最大时 = 烟花在平湖登陆时', en: 'Heaviest rain = In-Fa’s Pinghu landfall' },
} as const;

const path = (pts: readonly { lat: number; lon: number }[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${insetXY(p.lat, p.lon).map((v) => v.toFixed(1)).join(',')}`).join(' ');

/**
 * The typhoon's track over the coast, beside the typhoon experience's replay: the real track of
 * 烟花 (typhoonTrack.ts, every point cited), the places for orientation, and the typhoon's centre
 * moving along it in step with the replay (the run's rain peak aligned with the landfall at 平湖),
 * with its distance from 平湖 and its force. Moved through refs on the player's frames: no React
 * render per frame.
 */
export function TyphoonTrackInset({ player, rain, pinghu, lang, track = IN_FA_TRACK }: TyphoonTrackInsetProps) {
  const eye = useRef<SVGGElement>(null);
  const done = useRef<SVGPathElement>(null);
  const line = useRef<HTMLSpanElement>(null);
  const tx = (k: keyof typeof TEXT) => TEXT[k][lang === 'en' ? 'en' : 'zh'];
  const land = useMemo(() => `${path(COAST)} Z`, []);
  const whole = useMemo(() => path(track), [track]);
  const [px, py] = insetXY(pinghu.lat, pinghu.lon);

  useEffect(() => {
    const draw = () => {
      const at = trackTimeMs(track, rain, player.t);
      const c = trackAt(track, at);
      const [x, y] = insetXY(c.lat, c.lon);
      eye.current?.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)})`);
      eye.current?.setAttribute('data-lat', c.lat.toFixed(2));
      eye.current?.setAttribute('data-lon', c.lon.toFixed(2));
      // the part of the track already travelled
      const passed = track.filter((p) => Date.parse(p.at) <= at);
      done.current?.setAttribute('d', passed.length ? `${path(passed)} L${x.toFixed(1)},${y.toFixed(1)}` : '');
      if (line.current) {
        const km = Math.round(distanceKm(c, pinghu) / 5) * 5;
        line.current.textContent = c.after ? tx('gone') : tx('far').replace('{km}', String(km)).replace('{force}', String(beaufort(c.windMs)));
        line.current.setAttribute('data-km', String(km));
      }
    };
    draw();
    return player.onFrame(draw);
  }, [player, rain, pinghu, track, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const landfall = track[PINGHU_LANDFALL];
  return (
    <figure className="kiosk-track" data-testid="kiosk-typhoon-track">
      <figcaption className="kiosk-track-title">{tx('title')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={tx('title')}>
        <rect className="kiosk-track-sea" x={0} y={0} width={W} height={H} />
        <path className="kiosk-track-land" d={land} />
        <path className="kiosk-track-line" d={whole} />
        <path className="kiosk-track-done" ref={done} d="" />
        {track.map((p) => {
          const [x, y] = insetXY(p.lat, p.lon);
          return <circle key={p.at} className={p.landfall ? 'kiosk-track-landfall' : 'kiosk-track-fix'} cx={x} cy={y} r={p.landfall ? 4.5 : 3} />;
        })}
        {TRACK_PLACES.map((c) => {
          const [x, y] = insetXY(c.lat, c.lon);
          return (
            <g key={c.id}>
              <circle className="kiosk-track-city" cx={x} cy={y} r={2.5} />
              <text className="kiosk-track-place" x={x - 5} y={y - 5} textAnchor="end">
                {lang === 'en' ? c.en : c.zh}
              </text>
            </g>
          );
        })}
        <circle className="kiosk-track-home" cx={px} cy={py} r={6} />
        <text className="kiosk-track-home-name" x={px - 9} y={py + 19} textAnchor="end">
          {tx('pinghu')}
        </text>
        {landfall && <title>{`${landfall.at.slice(0, 16).replace('T', ' ')} ${landfall.landfall?.[lang === 'en' ? 'en' : 'zh'] ?? ''}`}</title>}
        <g ref={eye} data-testid="kiosk-typhoon-eye">
          <circle className="kiosk-track-eye-ring" r={11} />
          <path className="kiosk-track-eye" d="M0,-8 C6,-8 8,-3 5,1 M0,8 C-6,8 -8,3 -5,-1" />
          <circle className="kiosk-track-eye-core" r={3} />
        </g>
      </svg>
      <span className="kiosk-track-now" ref={line} data-testid="kiosk-typhoon-distance" />
      <span className="kiosk-track-note">{tx('note')}</span>
    </figure>
  );
}
