import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../../scripts/scenarioJsonSchema.ts';

describe('scenarios/scenario.schema.json', () => {
  it('matches the zod schema (run `npm run schema` after changing the schema)', () => {
    const checkedIn = readFileSync(new URL('../../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
    expect(checkedIn).toBe(scenarioJsonSchemaText());
  });

  it('forbids unknown keys and carries descriptions', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('schemaVersion');
    expect(JSON.stringify(schema)).toContain('Trunk road');
  });
});
