import { z } from 'zod';

/**
 * The JSON schema of a zod schema, for conf's ajv validator: the domain types stay the one source of
 * truth for what a stored value may be. Input mode, so unknown keys are tolerated on disk as zod
 * tolerates them in memory; `$schema` dropped, since ajv allows it only at a schema's root.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest;
}
