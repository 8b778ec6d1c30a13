import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { KitsuClient } from '../kitsu/kitsu-client';
import { studioApi, type StudioApi } from '../test-support/studio-api';
import { openDemoStudio } from '../test-support/test-app';
import { clearDayOff } from './day-off-writes';
import { readTimeLogDay } from './time-log-day';

// Clearing a date in the middle of a week off takes two requests; the second one fails here
// (the network drops) and the week must still be whole, ready for the same clear again.
let studio: Awaited<ReturnType<typeof openDemoStudio>>;
let jordan: StudioApi;

beforeAll(async () => {
  studio = await openDemoStudio();
  jordan = await studioApi(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

function clientDropping(drop: (method: string, url: string) => boolean): KitsuClient {
  return new KitsuClient({
    apiUrl: studio.apiUrl,
    tokens: { accessToken: jordan.token, refreshToken: null },
    retryBaseMs: 1,
    fetch: (input, init) => {
      const url = String(input);
      if (drop(init?.method ?? 'GET', url)) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    },
  });
}

it('a split whose second part fails leaves the day off whole, and the clear can be retried', async () => {
  const created = await jordan.post('/data/day-offs', {
    person_id: jordan.personId,
    date: '2032-05-03',
    end_date: '2032-05-07',
    description: 'Holidays',
  });
  expect(created.status).toBe(201);
  const offRange = async (date: string) => {
    const { dayOff } = await readTimeLogDay(
      clientDropping(() => false),
      date,
    );
    return dayOff && [dayOff.date, dayOff.endDate];
  };

  const flaky = clientDropping(
    (method, url) => method === 'POST' && url.endsWith('/data/day-offs'),
  );
  await expect(clearDayOff(flaky, jordan.personId, { date: '2032-05-05' })).rejects.toMatchObject({
    code: 'offline',
  });
  expect(await offRange('2032-05-05')).toEqual(['2032-05-03', '2032-05-07']);
  expect(await offRange('2032-05-07')).toEqual(['2032-05-03', '2032-05-07']);

  const day = await clearDayOff(
    clientDropping(() => false),
    jordan.personId,
    {
      date: '2032-05-05',
    },
  );
  expect(day.dayOff).toBeNull();
  expect(await offRange('2032-05-04')).toEqual(['2032-05-03', '2032-05-04']);
  expect(await offRange('2032-05-06')).toEqual(['2032-05-06', '2032-05-07']);
});
