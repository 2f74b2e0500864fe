import type { PlaybackIndex } from '../../../engine/playback/index.ts';
import type { LoadedScenario } from './describeEvent.ts';

/** A position's view of a drill ("what did they know?"): its name, the scenario as it may draw it, and the index of the records it received. */
export interface PositionView {
  id: string;
  name: string;
  scenario: LoadedScenario;
  index: PlaybackIndex;
}

/** A moment the timeline marks besides the log's own: an inject released, an evaluator's note. */
export interface TimelineMark {
  t: number;
  kind: 'inject' | 'note';
  label: string;
}
