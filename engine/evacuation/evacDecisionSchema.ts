import * as z from 'zod';
import type { EvacDecision } from './evacDecision.ts';

const Id = z.string().min(1).max(64);
const Group = z.strictObject({ group: Id });

/**
 * The shape of a school drill's decision as it arrives over the wire (evacDecision.ts). Checks
 * shapes and sizes only; whether the group, role or stair exists is `checkEvacDecision`'s call,
 * whether it is still possible the run's.
 */
export const EvacDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('startEvacuation'), group: Id }),
  z.strictObject({ kind: z.literal('route'), group: Id, via: Id }),
  Group.extend({ kind: z.literal('useLift') }),
  Group.extend({ kind: z.literal('collectBelongings') }),
  Group.extend({ kind: z.literal('lowPosture') }),
  z.strictObject({ kind: z.literal('call119'), by: Id }),
  z.strictObject({ kind: z.literal('fightFire'), by: Id }),
  z.strictObject({ kind: z.literal('reportHeadcount') }),
]);

/** Parses an evacuation decision; on failure a bilingual message naming the first bad field. Pure. */
export function parseEvacDecision(raw: unknown): { ok: true; decision: EvacDecision } | { ok: false; zh: string; en: string } {
  const r = EvacDecisionSchema.safeParse(raw);
  if (r.success) return { ok: true, decision: r.data as EvacDecision };
  const i = r.error.issues[0]!;
  const where = i.path.join('.') || '(decision)';
  return { ok: false, zh: `决策格式错误：${where}（${i.message}）`, en: `malformed decision: ${where} (${i.message})` };
}
