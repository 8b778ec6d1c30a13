import { describe, expect, it } from 'vitest';
import { PullScheduler } from './pull-scheduler';

/** A pull the test finishes by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('pulls, one per key at a time', () => {
  it('shares a running pull with who joins it', async () => {
    const scheduler = new PullScheduler();
    const { opened, open } = gate();
    let runs = 0;
    const pull = async () => {
      runs += 1;
      await opened;
      return runs;
    };
    const first = scheduler.join('list:todo', pull);
    const second = scheduler.join('list:todo', pull);
    open();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('runs once more after the running pull for news that came meanwhile, once for all', async () => {
    const scheduler = new PullScheduler();
    const { opened, open } = gate();
    let runs = 0;
    const pull = async () => {
      runs += 1;
      if (runs === 1) await opened;
      return runs;
    };
    const running = scheduler.run('thread:t1', pull);
    const news = [scheduler.run('thread:t1', pull), scheduler.run('thread:t1', pull)];
    expect(runs).toBe(1);
    open();
    expect(await running).toBe(1);
    expect(await Promise.all(news)).toEqual([2, 2]);
    // A failed pull leaves nothing behind: the next one runs.
    await expect(
      scheduler.run('thread:t1', () => Promise.reject(new Error('gone'))),
    ).rejects.toThrow();
    expect(await scheduler.join('thread:t1', pull)).toBe(3);
  });

  it('knows when a key was last pulled', async () => {
    let now = 1_000;
    const scheduler = new PullScheduler(() => now);
    expect(scheduler.finishedWithin('context', 5_000)).toBe(false);
    await scheduler.join('context', async () => true);
    now += 4_999;
    expect(scheduler.finishedWithin('context', 5_000)).toBe(true);
    now += 1;
    expect(scheduler.finishedWithin('context', 5_000)).toBe(false);
  });

  it('writes one at a time, in the order asked, a failure stopping none after it', async () => {
    const scheduler = new PullScheduler();
    const order: string[] = [];
    const { opened, open } = gate();
    const first = scheduler.exclusive(async () => {
      order.push('first starts');
      await opened;
      order.push('first ends');
      throw new Error('first failed');
    });
    const second = scheduler.exclusive(async () => {
      order.push('second');
    });
    await Promise.resolve();
    open();
    await expect(first).rejects.toThrow('first failed');
    await second;
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });
});
