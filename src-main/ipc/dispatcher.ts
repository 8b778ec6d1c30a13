import type { z } from 'zod';
import {
  CHANNEL_INPUTS,
  CHANNEL_NAMES,
  isChannelName,
  type ChannelName,
  type ErrorCode,
  type IpcResult,
} from '../../src-shared/ipc';
import { isAppError } from '../kitsu/app-error';
import type { Handlers } from './handlers';

/** Runs one call from an untrusted renderer: any channel name, any input. */
export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

type Runner = (input: unknown) => Promise<IpcResult<unknown>>;

/**
 * Binds each handler to its channel's schema once, here at registration, so that no handler
 * ever sees unparsed input, and every failure leaves as an envelope with a stable code.
 */
export function createDispatcher(handlers: Handlers): Dispatch {
  const runners = new Map<ChannelName, Runner>();
  for (const channel of CHANNEL_NAMES) {
    const schema: z.ZodType = CHANNEL_INPUTS[channel];
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    if (typeof handler !== 'function') throw new Error(`No handler for channel ${channel}`);
    runners.set(channel, async (input) => {
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        return failure(
          'invalid-input',
          `Invalid input for ${channel}: ${describeIssues(parsed.error)}`,
        );
      }
      try {
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (isAppError(error)) return failure(error.code, error.message);
        console.error(`Shotdesk: ${channel} failed`, error);
        return failure(
          'server-error',
          `Something went wrong in Shotdesk (${(error as Error)?.message ?? String(error)}). Try again.`,
        );
      }
    });
  }
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return failure(
        'invalid-input',
        `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`,
      );
    }
    return runners.get(channel)!(input);
  };
}

function failure(code: ErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('; ');
}
