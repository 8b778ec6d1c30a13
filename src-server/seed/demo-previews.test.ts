import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoTestServer } from '../test-support/demo-test-server';
import { call } from '../test-support/http-client';
import type { TestServer } from '../test-support/test-server';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from './demo-accounts';

// The demo's requests for feedback carry pictures, as published work does: in the artist's
// todo (the task's last preview, the shot's thumbnail), in the thread, and served.
let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startDemoTestServer();
  const login = await call('POST', `${server.baseUrl}/auth/login`, {
    body: { email: DEMO_ARTIST_EMAIL, password: DEMO_PASSWORD },
  });
  token = login.body.access_token as string;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

it('gives the artist’s work waiting for feedback a picture, shown and served', async () => {
  const todo = (await call('GET', `${server.baseUrl}/data/user/tasks`, { token })).body as {
    id: string;
    last_preview_file_id: string | null;
    entity_preview_file_id: string | null;
    task_status_short_name: string;
  }[];
  const published = todo.filter((task) => task.last_preview_file_id !== null);
  expect(published.length).toBeGreaterThan(0);
  const task = published[0]!;
  expect(task.entity_preview_file_id).not.toBeNull();

  const comments = (
    await call('GET', `${server.baseUrl}/data/tasks/${task.id}/comments`, { token })
  ).body as { previews: { id: string; revision: number; extension: string }[] }[];
  const previews = comments.flatMap((comment) => comment.previews);
  expect(previews.map((preview) => preview.id)).toContain(task.last_preview_file_id);
  expect(previews.every((preview) => preview.extension === 'png')).toBe(true);

  for (const variant of ['thumbnails', 'previews', 'originals']) {
    const served = await fetch(
      `${server.baseUrl}/pictures/${variant}/preview-files/${task.last_preview_file_id}.png`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(100);
  }
});
