/**
 * The typhoon experience's track (src/app/kiosk/typhoonTrack.ts): every point cites a source, the
 * landfalls name how their position was obtained, the centre moves between bulletins in time, and
 * the replay's rain peak falls on the landfall at 平湖 (the inset's alignment).
 */
import { describe, expect, it } from 'vitest';
import { INSET_H, INSET_W, insetXY, TRACK_BOX } from '../../src/app/kiosk/trackCoast.ts';
import { beaufort, distanceKm, IN_FA_TRACK, PINGHU_LANDFALL, TRACK_SOURCES, trackAt, trackTimeMs } from '../../src/app/kiosk/typhoonTrack.ts';
import { typhoonSpec } from '../../src/app/kiosk/typhoonStory.ts';

const PINGHU = { lat: 30.7, lon: 121.02 };

describe('the typhoon track (烟花, 2021)', () => {
  it('cites a source with an address for every point, in time order; positions without coordinates say how they were derived', () => {
    let last = -Infinity;
    for (const p of IN_FA_TRACK) {
      expect(TRACK_SOURCES[p.src].url).toMatch(/^https?:\/\//);
      expect(Date.parse(p.at)).toBeGreaterThan(last);
      last = Date.parse(p.at);
      if (p.landfall) expect(p.derived).toBeTruthy();
      expect(beaufort(p.windMs)).toBe(p.force);
    }
    expect(typhoonSpec.track?.points).toBe(IN_FA_TRACK);
  });

  it('lands at 平湖 at 09:50 on 26 July 2021, within 15 km of the city, and is 20–50 km out (杭州湾) five hours earlier', () => {
    const l = IN_FA_TRACK[PINGHU_LANDFALL]!;
    expect(l.at).toBe('2021-07-26T09:50:00+08:00');
    expect(distanceKm(l, PINGHU)).toBeLessThan(15);
    const before = trackAt(IN_FA_TRACK, Date.parse('2021-07-26T05:00:00+08:00'));
    expect(distanceKm(before, PINGHU)).toBeGreaterThan(20);
    expect(distanceKm(before, PINGHU)).toBeLessThan(50);
  });

  it('moves linearly between bulletins and holds at the ends', () => {
    const a = IN_FA_TRACK[0]!;
    const b = IN_FA_TRACK[1]!;
    const mid = trackAt(IN_FA_TRACK, (Date.parse(a.at) + Date.parse(b.at)) / 2);
    expect(mid.lat).toBeCloseTo((a.lat + b.lat) / 2, 9);
    expect(mid.lon).toBeCloseTo((a.lon + b.lon) / 2, 9);
    expect(trackAt(IN_FA_TRACK, Date.parse(a.at) - 1e9)).toMatchObject({ lat: a.lat, lon: a.lon, before: true });
    expect(trackAt(IN_FA_TRACK, Date.parse('2030-01-01T00:00:00Z'))).toMatchObject({ after: true });
  });

  it('aligns the middle of the run\'s heaviest rain hour with the landfall, and keeps the replay\'s minutes as minutes', () => {
    const rain = [[600, 2], [660, 9], [720, 15], [780, 4]] as const;
    const landfall = Date.parse(IN_FA_TRACK[PINGHU_LANDFALL]!.at);
    expect(trackTimeMs(IN_FA_TRACK, rain, 690)).toBe(landfall);
    expect(trackTimeMs(IN_FA_TRACK, rain, 750) - landfall).toBe(60 * 60_000);
    // so the centre is at 平湖 at the rain peak and far out at sea a day before
    expect(distanceKm(trackAt(IN_FA_TRACK, trackTimeMs(IN_FA_TRACK, rain, 690)), PINGHU)).toBeLessThan(15);
    expect(distanceKm(trackAt(IN_FA_TRACK, trackTimeMs(IN_FA_TRACK, rain, 690 - 24 * 60)), PINGHU)).toBeGreaterThan(100);
  });

  it('draws the approach inside the inset (from the bulletin of 25 July 08:00 to Jiangsu on the 26th), north up and east right', () => {
    for (const p of IN_FA_TRACK.filter((x) => x.at >= '2021-07-25' && x.at <= '2021-07-26T23')) {
      const [x, y] = insetXY(p.lat, p.lon);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(INSET_W);
      expect(y).toBeLessThanOrEqual(INSET_H);
      expect(p.lat).toBeLessThan(TRACK_BOX.north);
    }
    const [x0, y0] = insetXY(30, 121);
    const [x1, y1] = insetXY(31, 122);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeLessThan(y0);
  });
});
