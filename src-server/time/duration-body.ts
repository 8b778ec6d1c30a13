import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readBody } from '../auth/body';

const NUMERIC_TEXT =
  /^\s*[+-]?(?:\d+(?:_\d+)*\.?(?:\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:e[+-]?\d+)?\s*$/i;

/** Pydantic's lax `float`: numbers, booleans and numeric strings. */
const laxFloat = z.unknown().transform((value, context) => {
  if (value === undefined) {
    context.addIssue({ code: 'invalid_type', expected: 'number', input: undefined });
    return z.NEVER;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    return Number(value.replace(/_/g, '').trim());
  }
  context.addIssue({
    code: 'custom',
    message:
      typeof value === 'string'
        ? 'Input should be a valid number, unable to parse string as a number'
        : 'Input should be a valid number',
  });
  return z.NEVER;
});

const timeSpentSchema = z.object({
  duration: laxFloat.pipe(z.number().gt(0, { error: 'Input should be greater than 0' })),
});

/** `TimeSpentSchema`: `{duration: float > 0}` in minutes, Zou's validation errors otherwise. */
export function readDuration(request: FastifyRequest): number {
  return readBody(request, timeSpentSchema, 'TimeSpentSchema').duration;
}
