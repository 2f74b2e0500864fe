import * as z from 'zod';
import { ScenarioV1 } from '../engine/scenario/schema/scenario.ts';

/** The JSON Schema of scenario files, as text (stable: same schema → same bytes). */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioV1, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' });
  return (
    JSON.stringify(
      { ...schema, $id: 'https://yanlian.local/scenario.schema.json', title: 'yanlian scenario (schemaVersion 1)' },
      null,
      2,
    ) + '\n'
  );
}
