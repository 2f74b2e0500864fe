/** Playback of a run's log (复盘回放): a pure reducer over the events, with keyframes for jumps. See DESIGN.md "Playback is a reducer over the log". */
export { buildPlayback, stateAt, stateAfter, countAt, foldEvents, playbackModel, policyOf, PlaybackCursor, KEYFRAME_EVERY, type PlaybackIndex, type PlaybackInput, type PlaybackModel, type PlaybackState } from './playback.ts';
export type { CountyState, TeamState, TeamStatus, LinkState, SiteState, FireState, DeliveryState } from './countyState.ts';
export { fireShape, type FireShape } from './fireShape.ts';
export type { BuildingState, GroupPlayState, GroupStep, Smoke } from './buildingState.ts';
export { legPos, legPath, countyGeometry, buildingGeometry, type LonLat, type Leg, type CountyGeometry, type BuildingGeometry } from './geometry.ts';
export { COUNTY_EVENT_TYPES, BUILDING_EVENT_TYPES, CHAIN_MARKERS, DECISION_MARKERS } from './vocabulary.ts';
export { parsePlaybackLog, type PlaybackManifest, type LogProblem, type ParsedPlaybackLog } from './parseLog.ts';
export { recordsToEvents, knownScenario, foldCounty, type ReceivedRecord, type RecordsToEventsOptions, type PositionHoldings } from './records.ts';
