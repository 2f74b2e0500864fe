import { readFileSync } from 'node:fs';
import { sha256 } from '../../../engine/drill/sha256.ts';
import { completeConfig, type DrillConfigInput } from '../../../engine/drill/drillConfig.ts';
import { DrillSession } from '../../../engine/drill/drillSession.ts';
import { GENESIS_HASH, sealRecords } from '../../../engine/drill/hashChain.ts';
import type { DrillRecord, NewRecord } from '../../../engine/drill/records.ts';
import { loadScenario, type Scenario } from '../../../engine/index.ts';

export const TINY_PATH = new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url).pathname;
export const tinyText = readFileSync(TINY_PATH, 'utf8');

export function tiny(): Scenario {
  const r = loadScenario(tinyText, 'tiny.yaml');
  if (!r.ok) throw new Error('tiny.yaml does not load');
  return r.scenario;
}

export function config(s: Scenario, input: DrillConfigInput = {}) {
  const c = completeConfig(s, input);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.config;
}

/** A session plus its sealed log, as the server would keep it. */
export class Harness {
  readonly log: DrillRecord[] = [];
  constructor(public session: DrillSession) {}
  push(records: NewRecord[], at: number): void {
    const head = this.log.at(-1) ?? { seq: 0, hash: GENESIS_HASH };
    this.log.push(...sealRecords(head, records, at));
  }
}

export function makeSession(s: Scenario, input: DrillConfigInput = {}, drillSeed = 1, speed = 60): Harness {
  return new Harness(DrillSession.create({ scenario: s, scenarioSha256: sha256(tinyText), config: config(s, input), drillSeed }, speed));
}

export const SALT = 'ab'.repeat(32);
