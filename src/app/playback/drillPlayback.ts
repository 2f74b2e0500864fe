import { PLAYBACKS } from '../../../engine/model/modelPlaybacks.ts';
import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import { buildPlayback, recordsToEvents, type PlaybackIndex, type PlaybackInput, type ReceivedRecord } from '../../../engine/playback/index.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { Bilingual } from '../net/types.ts';
import type { LoadedScenario } from './describeEvent.ts';
import type { PositionView, TimelineMark } from './playbackViews.ts';

/** What `/api/playback/drill` and `POST /api/playback/drills/:id` return (src/server/playbackRoutes.ts): the drill's model id and a scenario of that model. */
export interface DrillPlaybackData<K extends ModelId = ModelId> {
  drill: { id: string; title: string; mode: 'open' | 'blind'; phase: string; createdAt: number };
  model: K;
  scenario: ScenarioOf<K>;
  events: LogEvent[];
  marks: { t: number; kind: 'inject' | 'note'; title?: Bilingual | string; text?: string }[];
  positions: { id: string; name: Bilingual; teams: string[]; warehouses: string[]; shelters: string[]; records: ReceivedRecord[] }[];
}

export interface DrillPlayback {
  index: PlaybackIndex;
  scenario: LoadedScenario;
  views: PositionView[];
  marks: TimelineMark[];
}

/**
 * A drill is always played in manual mode (people decide; stock leaves at each dispatch), also
 * before anyone has acted, which the log alone cannot tell from an engine run.
 */
function asDrill(input: PlaybackInput): PlaybackInput {
  return input.model === 'county' ? { ...input, policy: 'manual' } : input;
}

/**
 * A drill's playback: the ground truth folded from its engine events, and per position the
 * index of the records that position received (reports of cuts and slides as what they report,
 * no counts) over the scenario as it may draw it. The model's playback (scene, reducer, what a
 * position may draw) comes from the registry by the server's model id (`PLAYBACKS`). Pure.
 */
export function drillPlayback<K extends ModelId>(d: DrillPlaybackData<K>, lang: Lang): DrillPlayback {
  const pb = PLAYBACKS[d.model];
  const input = asDrill(pb.input(d.scenario));
  return {
    index: buildPlayback(input, d.events),
    scenario: input,
    views: d.positions.map((p) => {
      const scenario = asDrill(pb.input(pb.knownBy(d.scenario, p)));
      return { id: p.id, name: pickText(p.name, lang), scenario, index: buildPlayback(scenario, recordsToEvents(p.records, { reports: true })) };
    }),
    marks: d.marks.map((m) => ({ t: m.t, kind: m.kind, label: m.kind === 'inject' ? pickText(m.title, lang) : String(m.text ?? '').slice(0, 80) })),
  };
}
