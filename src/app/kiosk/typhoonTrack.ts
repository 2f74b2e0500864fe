/**
 * The typhoon track the kiosk's typhoon experience (平湖) draws: 2106 烟花 (In-Fa), which made its
 * second landfall on 平湖's coast on 26 July 2021. The engine's pinghu-typhoon scenario models the
 * typhoon's rain only (a random rain event, not this typhoon), so the track is shown beside the
 * replay, not simulated: the replay's rain peak is aligned with 烟花's landfall at 平湖 (assumed:
 * the heaviest rain near the landfall, as 烟花 brought it; the scenario's own rain has no date).
 *
 * Every number cites where it came from (`src`, keys of TRACK_SOURCES). The positions are CMA's
 * (中央气象台) real-time bulletins as the cited pages quote them, not the post-season best track:
 * the best-track file (CMA tropical cyclone best-track data set, CH2021BST.txt, tcdata.typhoon.org.cn)
 * could not be reached from where this was written; the bulletin positions are within a few tenths
 * of a degree of it for a storm this close to the coast (assumed). Where a bulletin gives a place
 * and no coordinates (the landfalls, "95 km east by south of 舟山"), the position is derived from
 * the place and marked so. Times are Beijing time (UTC+8).
 */

import { windForceLevel } from '../../../engine/sim/fireBehaviour.ts';

export interface TrackPoint {
  /** ISO time, Beijing time */
  at: string;
  lat: number;
  lon: number;
  /** maximum sustained wind near the centre, m/s, and its Beaufort force as the bulletin says it */
  windMs: number;
  force: number;
  /** central pressure, hPa */
  hPa: number;
  src: keyof typeof TRACK_SOURCES;
  /** how the position was obtained when the bulletin gave a place instead of coordinates */
  derived?: string;
  /** a landfall: where */
  landfall?: { zh: string; en: string };
}

export const TRACK_SOURCES = {
  cma0724: { title: '中央气象台 7月24日06时 台风橙色预警 (杭州网 转载)', url: 'https://z.hangzhou.com.cn/2021/202107tfyh/content/content_8015655.htm' },
  wz0724: { title: '温州市气象台 7月24日11时24分 台风黄色预警 (国家预警信息发布中心)', url: 'http://www.bili3.cn/2021/07/24/ARTI1627105071453955.shtml' },
  zj0725: { title: '浙江省气象服务中心 7月25日8时 台风动态 (澎湃新闻)', url: 'https://www.thepaper.cn/newsDetail_forward_13734298' },
  landfall1: { title: '「烟花」7月25日12时30分前后登陆舟山普陀 (绍兴发布)', url: 'https://freewechat.com/a/MzA5NzkxMDkxMw==/2651577299/1' },
  cma0726: { title: '中央气象台 7月26日06时 台风橙色预警', url: 'https://share1.kxm.xmtv.cn/xmtv/2021-07-26/6dade73cf8c75f7d.html' },
  landfall2: { title: '中央气象台: 7月26日9时50分前后在浙江省平湖市沿海二次登陆 (中国天气网)', url: 'http://hot1.ffsy56.com/newsdetail1453857.html' },
  js0726: { title: '江苏省气象台 7月26日17时 「烟花」位于吴江境内', url: 'http://www.bjmhhq.com/99347.html' },
  cma0728: { title: '中央气象台 7月28日06时 解除台风蓝色预警 (中国天气网)', url: 'http://news.weather.com.cn/2021/07/3482819.shtml' },
} as const;

/** 2106 烟花 (In-Fa), 24–28 July 2021, from the bulletins above. */
export const IN_FA_TRACK: readonly TrackPoint[] = [
  { at: '2021-07-24T05:00:00+08:00', lat: 25.8, lon: 124.6, windMs: 40, force: 13, hPa: 960, src: 'cma0724' },
  { at: '2021-07-24T11:00:00+08:00', lat: 26.7, lon: 124.5, windMs: 40, force: 13, hPa: 960, src: 'wz0724' },
  // "距离浙江省舟山市东偏南方向约95公里": 舟山 (定海) at 30.02°N 122.11°E (assumed, the city's centre), 95 km towards 100° (东偏南)
  { at: '2021-07-25T08:00:00+08:00', lat: 29.87, lon: 123.08, windMs: 38, force: 13, hPa: 965, src: 'zj0725', derived: '95 km east by south of 舟山 (定海 30.02°N 122.11°E, assumed)' },
  { at: '2021-07-25T12:30:00+08:00', lat: 29.95, lon: 122.3, windMs: 38, force: 13, hPa: 965, src: 'landfall1', derived: "普陀's coast (assumed; the bulletin names the district only)", landfall: { zh: '舟山普陀登陆', en: 'landfall, Putuo (Zhoushan)' } },
  { at: '2021-07-26T05:00:00+08:00', lat: 30.5, lon: 121.4, windMs: 33, force: 12, hPa: 975, src: 'cma0726' },
  { at: '2021-07-26T09:50:00+08:00', lat: 30.62, lon: 121.1, windMs: 28, force: 10, hPa: 978, src: 'landfall2', derived: "平湖's coast by 乍浦 (assumed; the bulletin names the city only)", landfall: { zh: '平湖沿海再次登陆', en: 'second landfall, Pinghu coast' } },
  { at: '2021-07-26T17:00:00+08:00', lat: 31.0, lon: 120.7, windMs: 23, force: 9, hPa: 980, src: 'js0726' },
  { at: '2021-07-28T05:00:00+08:00', lat: 32.4, lon: 117.9, windMs: 15, force: 7, hPa: 985, src: 'cma0728' },
];

/** The track point the replay's rain peak is aligned with: the landfall at 平湖. */
export const PINGHU_LANDFALL = IN_FA_TRACK.findIndex((p) => p.landfall?.zh.startsWith('平湖'));

/**
 * Places drawn on the inset for orientation (city centres, approximate: assumed, from general
 * maps; 平湖 is the middle of the scenario's own places, which sit on the real city).
 */
export const TRACK_PLACES = [
  { id: 'shanghai', zh: '上海', en: 'Shanghai', lat: 31.23, lon: 121.47 },
  { id: 'hangzhou', zh: '杭州', en: 'Hangzhou', lat: 30.27, lon: 120.16 },
  { id: 'ningbo', zh: '宁波', en: 'Ningbo', lat: 29.87, lon: 121.55 },
  { id: 'zhoushan', zh: '舟山', en: 'Zhoushan', lat: 30.02, lon: 122.11 },
] as const;

/** The wind force (风力级) of a wind in m/s: the engine's GB/T 28591-2012 table. */
export const beaufort = (windMs: number): number => windForceLevel(windMs);

const ms = (iso: string) => Date.parse(iso);

/** Where the track's centre is at time `atMs` (linear between bulletins; held at the ends). Pure. */
export function trackAt(track: readonly TrackPoint[], atMs: number): { lat: number; lon: number; windMs: number; hPa: number; before: boolean; after: boolean } {
  const first = track[0]!;
  const last = track[track.length - 1]!;
  if (atMs <= ms(first.at)) return { lat: first.lat, lon: first.lon, windMs: first.windMs, hPa: first.hPa, before: atMs < ms(first.at), after: false };
  if (atMs >= ms(last.at)) return { lat: last.lat, lon: last.lon, windMs: last.windMs, hPa: last.hPa, before: false, after: atMs > ms(last.at) };
  let i = 0;
  while (ms(track[i + 1]!.at) < atMs) i++;
  const a = track[i]!;
  const b = track[i + 1]!;
  const f = (atMs - ms(a.at)) / (ms(b.at) - ms(a.at));
  const mix = (x: number, y: number) => x + (y - x) * f;
  return { lat: mix(a.lat, b.lat), lon: mix(a.lon, b.lon), windMs: mix(a.windMs, b.windMs), hPa: mix(a.hPa, b.hPa), before: false, after: false };
}

/** Great-circle distance, km (spherical Earth, R = 6371 km). Pure. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The replay's minute `t` as a time on the track: the hour of the run's heaviest rain (its middle)
 * falls on 烟花's landfall at 平湖. `rain` is the log's hourly rain, [t at the end of the hour, mm].
 * Pure.
 */
export function trackTimeMs(track: readonly TrackPoint[], rain: readonly (readonly [number, number])[], t: number): number {
  let peak = rain[0];
  for (const h of rain) if (peak === undefined || h[1] > peak[1]) peak = h;
  const peakT = peak ? peak[0] - 30 : 0;
  return ms(track[PINGHU_LANDFALL]!.at) + (t - peakT) * 60_000;
}
