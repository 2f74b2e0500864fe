import { buildPlayback, knownScenario, recordsToEvents, type PlaybackIndex, type ReceivedRecord } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { Bilingual } from '../net/types.ts';
import type { PositionView, TimelineMark } from './PlaybackView.tsx';

/** What `/api/playback/drill` and `POST /api/playback/drills/:id` return (src/server/playbackRoutes.ts). */
export interface DrillPlaybackData {
  drill: { id: string; title: string; mode: 'open' | 'blind'; phase: string; createdAt: number };
  model: 'county';
  scenario: Scenario;
  events: LogEvent[];
  marks: { t: number; kind: 'inject' | 'note'; title?: Bilingual | string; text?: string }[];
  positions: { id: string; name: Bilingual; teams: string[]; warehouses: string[]; shelters: string[]; records: ReceivedRecord[] }[];
}

export interface DrillPlayback {
  index: PlaybackIndex;
  scenario: { model: 'county'; scenario: Scenario };
  views: PositionView[];
  marks: TimelineMark[];
}

/**
 * A drill's playback: the ground truth folded from its engine events, and per position the
 * index of the records that position received (reports of cuts and slides as what they report,
 * no counts) over the scenario as it may draw it (its own teams and stock). Pure.
 */
export function drillPlayback(d: DrillPlaybackData, lang: Lang): DrillPlayback {
  const input = { model: 'county' as const, scenario: d.scenario };
  return {
    index: buildPlayback(input, d.events),
    scenario: input,
    views: d.positions.map((p) => {
      const scenario = knownScenario(d.scenario, p);
      return { id: p.id, name: pickText(p.name, lang), scenario, index: buildPlayback({ model: 'county', scenario }, recordsToEvents(p.records, { reports: true })) };
    }),
    marks: d.marks.map((m) => ({ t: m.t, kind: m.kind, label: m.kind === 'inject' ? pickText(m.title, lang) : String(m.text ?? '').slice(0, 80) })),
  };
}
