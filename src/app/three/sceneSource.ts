import type { PlaybackState } from '../../../engine/playback/index.ts';

/**
 * What a scene reads each frame, outside React: the time (the log's unit) and the state at that
 * time. The playback's Player is one (a scrubbed log); a live map's source is another (the
 * records received so far, the drill clock extrapolated). `state()` returns a working copy to
 * read, never to change.
 */
export interface SceneSource {
  readonly t: number;
  state(): PlaybackState;
}
