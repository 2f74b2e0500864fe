import * as z from 'zod';

const ClientId = z.string().min(1).max(64);

/**
 * Messages a client may send over the WebSocket. Every one is checked here first; anything
 * else gets an error frame. Authorisation is checked per message after this.
 */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token: z.string().max(100), since: z.union([z.string().max(40), z.number().int().min(0)]).optional() }),
  z.strictObject({ type: z.literal('ping'), id: ClientId.optional() }),
  z.strictObject({ type: z.literal('action'), id: ClientId, decision: z.unknown() }),
  z.strictObject({ type: z.literal('ack'), id: ClientId.optional(), key: z.string().max(100) }),
  z.strictObject({ type: z.literal('control'), id: ClientId.optional(), op: z.enum(['brief', 'start', 'pause', 'resume', 'end', 'debrief', 'speed']), speed: z.number().optional() }),
  z.strictObject({
    type: z.literal('release'),
    id: ClientId.optional(),
    inject: z.string().max(64),
    /** ids to fill the inject's {site}/{village}/{link}/{township} with, when its event has not happened */
    fill: z.strictObject({ site: z.string().max(64), village: z.string().max(64), link: z.string().max(64), township: z.string().max(64) }).partial().optional(),
  }),
  z.strictObject({
    type: z.literal('note'),
    id: ClientId.optional(),
    text: z.string().min(1).max(4000),
    objective: z.string().max(64).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    improvement: z.boolean().optional(),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const JoinBody = z.strictObject({
  code: z.string().max(20),
  role: z.enum(['director', 'evaluator', 'trainee', 'observer']),
  name: z.string().max(60).default(''),
  position: z.string().max(64).optional(),
  password: z.string().max(200).optional(),
});

export const CreateBody = z.strictObject({
  title: z.string().min(1).max(200),
  password: z.string().max(200),
  directorName: z.string().max(60).optional(),
  scenario: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  scenarioText: z.string().max(2_000_000).optional(),
  mode: z.enum(['open', 'blind']).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  speed: z.number().optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

export const NoteBody = z.strictObject({
  text: z.string().min(1).max(4000),
  objective: z.string().max(64).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  improvement: z.boolean().optional(),
});

export const WhatIfBody = z.strictObject({
  seeds: z.number().int().min(1).max(200).default(20),
  stockFactor: z.number().min(0).max(10).optional(),
});

/** The first problem of a failed parse, for an error message. */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
}
