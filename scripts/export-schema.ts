/**
 * Writes scenarios/scenario.schema.json from the zod schema (the one source of truth).
 * Run with `npm run schema`; a test fails when the checked-in copy drifts.
 */
import { writeFileAtomic } from '../engine/node/atomicWrite.ts';
import { scenarioJsonSchemaText } from './scenarioJsonSchema.ts';

const out = new URL('../scenarios/scenario.schema.json', import.meta.url).pathname;
writeFileAtomic(out, scenarioJsonSchemaText());
process.stdout.write(`wrote ${out}\n`);
