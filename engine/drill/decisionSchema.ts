import * as z from 'zod';
import type { Decision } from '../sim/decision.ts';

const Id = z.string().min(1).max(64);

/**
 * The shape of a trainee decision as it arrives over the wire (engine/sim/decision.ts). Checks
 * shapes and sizes only; whether the team is free or the road blocked is the engine's call.
 */
export const DecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('issueWarning'), level: z.enum(['blue', 'yellow', 'orange', 'red', 'none']) }),
  z.strictObject({ kind: z.literal('setResponseLevel'), level: z.enum(['IV', 'III', 'II', 'I', 'ended']) }),
  z.strictObject({
    kind: z.literal('dispatchTeam'),
    team: Id,
    task: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('clear'), link: Id }), z.strictObject({ kind: z.literal('rescue'), site: Id }), z.strictObject({ kind: z.literal('suppress'), site: Id })]),
  }),
  z.strictObject({ kind: z.literal('evacuate'), site: Id }),
  z.strictObject({ kind: z.literal('openShelter'), shelter: Id }),
  z.strictObject({
    kind: z.literal('releaseStock'),
    warehouse: Id,
    village: Id,
    items: z.record(Id, z.number().finite().min(0).max(1e9)).refine((r) => Object.keys(r).length <= 50, 'too many items'),
  }),
  z.strictObject({ kind: z.literal('requestResupply'), warehouse: Id }),
  z.strictObject({
    kind: z.literal('situationReport'),
    text: z.string().min(1).max(4000),
    figures: z
      .strictObject({
        affectedPeople: z.number().finite().min(0).max(1e9).optional(),
        deadMissing: z.number().finite().min(0).max(1e9).optional(),
        cutLinks: z.number().finite().min(0).max(1e9).optional(),
      })
      .optional(),
  }),
]);

/** Parses a decision; on failure a bilingual message naming the first bad field. Pure. */
export function parseDecision(raw: unknown): { ok: true; decision: Decision } | { ok: false; zh: string; en: string } {
  const r = DecisionSchema.safeParse(raw);
  if (r.success) return { ok: true, decision: r.data as Decision };
  const i = r.error.issues[0]!;
  const where = i.path.join('.') || '(decision)';
  return { ok: false, zh: `决策格式错误：${where}（${i.message}）`, en: `malformed decision: ${where} (${i.message})` };
}
