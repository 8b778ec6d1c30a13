import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../kitsu/app-error';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlers';

/** Every handler fails the test if reached; a test swaps in the ones it needs. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = async () => {
    throw new Error('handler should not run');
  };
  return new Proxy(overrides as Handlers, {
    get: (target, key: string) => target[key as keyof Handlers] ?? unexpected,
  });
}

describe('createDispatcher', () => {
  it('rejects input that does not match the channel schema before the handler runs', async () => {
    const check = vi.fn(async () => ({ status: 'kitsu' as const, apiUrl: 'x', version: null }));
    const dispatch = createDispatcher(handlers({ 'server:check': check }));
    for (const input of [{}, { url: 42 }, { url: '' }, { url: 'x', extra: true }, 'x', null]) {
      const result = await dispatch('server:check', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(check).not.toHaveBeenCalled();
  });

  it('refuses channels outside the contract', async () => {
    const dispatch = createDispatcher(handlers());
    for (const channel of ['fs:read', '__proto__', 'constructor', 42, undefined]) {
      expect(await dispatch(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });

  it('passes parsed input and wraps values and errors in the envelope', async () => {
    const dispatch = createDispatcher(
      handlers({
        'server:check': async ({ url }) => ({ status: 'kitsu', apiUrl: url, version: '1' }),
        'tasks:list-todo': async () => {
          throw new AppError('offline', 'Cannot reach the server.');
        },
        'tasks:list-done': async () => {
          throw new Error('boom');
        },
      }),
    );
    expect(await dispatch('server:check', { url: '  http://k/api ' })).toEqual({
      ok: true,
      value: { status: 'kitsu', apiUrl: 'http://k/api', version: '1' },
    });
    expect(await dispatch('tasks:list-todo', {})).toEqual({
      ok: false,
      error: { code: 'offline', message: 'Cannot reach the server.' },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await dispatch('tasks:list-done', {})).toMatchObject({
      ok: false,
      error: { code: 'server-error', message: expect.stringContaining('boom') },
    });
  });

  it('validates settings against their schema', async () => {
    const set = vi.fn(async () => ({}) as never);
    const dispatch = createDispatcher(handlers({ 'settings:set': set }));
    const bad = await dispatch('settings:set', { todoView: { tab: 'everything' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(set).not.toHaveBeenCalled();
  });
});
