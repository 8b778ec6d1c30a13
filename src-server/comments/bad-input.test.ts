import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/test-server';
import { addProduction, loginAs, rows, startCommentServer, statusOf } from './comment-test-kit';
import type { Production, Member } from './comment-test-kit';

// Every comment route answers malformed input with a 4xx in one of Zou's shapes, never a 500,
// and writes nothing.

let server: TestServer;
let production: Production;
let admin: Member;
let commentId: string;

beforeAll(async () => {
  server = await startCommentServer();
  production = await addProduction(server);
  admin = await loginAs(server, 'admin');
  const posted = await production.artist.post(`/actions/tasks/${production.taskId}/comment`, {
    task_status_id: statusOf(server, 'wip'),
  });
  commentId = posted.body.id;
});
afterAll(() => server.close());

async function send(method: string, path: string, body?: string, contentType?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${admin.token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : (JSON.parse(text) as any) };
}

function expectKitsuError(result: { status: number; body: any }) {
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  expect(result.body.error).toBe(true);
  expect(typeof result.body.message).toBe('string');
}

describe('comment routes on bad input', () => {
  it('refuse malformed and unknown ids with 404', async () => {
    const { taskId } = production;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const paths: [string, string][] = [
      ['GET', '/data/tasks/x/comments'],
      ['GET', `/data/tasks/${taskId}/comments/x`],
      ['GET', `/data/tasks/${taskId}/comments/${unknown}`],
      ['DELETE', `/data/tasks/${taskId}/comments/x`],
      ['POST', `/data/tasks/${taskId}/comments/${unknown}/ack`],
      ['POST', `/data/tasks/x/comments/${commentId}/ack`],
      ['POST', `/data/tasks/${taskId}/comments/x/reply`],
      ['DELETE', `/data/tasks/${taskId}/comments/${commentId}/reply/x`],
      ['GET', '/data/attachment-files/x/file/y'],
      ['GET', `/data/attachment-files/${unknown}/file/y`],
      ['GET', '/pictures/thumbnails/attachment-files/x.png'],
    ];
    for (const [method, path] of paths) {
      const result = await send(method, path);
      expect(result.status, `${method} ${path}`).toBe(404);
      expectKitsuError(result);
    }
  });

  it('refuse wrong JSON types, bad JSON and odd content types without writing', async () => {
    const path = `/actions/tasks/${production.taskId}/comment`;
    const before = rows(server, 'SELECT id FROM comment').length;
    const wip = statusOf(server, 'wip');
    const bodies: unknown[] = [
      { task_status_id: 12 },
      { task_status_id: wip, comment: ['x'] },
      { task_status_id: wip, checklist: { text: 'x' } },
      { task_status_id: wip, links: [1] },
      { task_status_id: wip, for_client: 'maybe' },
      { task_status_id: wip, person_id: 5 },
      { task_status_id: "Robert'); DROP TABLE comment;--" },
      { task_status_id: wip, person_id: '00000000-0000-4000-8000-000000000000' },
      'just a string',
      null,
    ];
    for (const body of bodies) {
      const result = await send('POST', path, JSON.stringify(body), 'application/json');
      expectKitsuError(result);
    }
    expectKitsuError(await send('POST', path, '{"task_status_id": ', 'application/json'));
    expectKitsuError(await send('POST', path, 'plain', 'text/plain'));
    expectKitsuError(await send('POST', path, '--x\r\nbroken', 'multipart/form-data; boundary=x'));
    const many = `/actions/projects/${production.projectId}/tasks/comment-many`;
    expectKitsuError(
      await send(
        'POST',
        many,
        JSON.stringify([{ object_id: 'x', task_status_id: wip, comment: 'c' }]),
        'application/json',
      ),
    );
    expectKitsuError(
      await send(
        'POST',
        many,
        JSON.stringify([{ object_id: production.taskId, task_status_id: wip, comment: 3 }]),
        'application/json',
      ),
    );
    const reply = `/data/tasks/${production.taskId}/comments/${commentId}/reply`;
    expectKitsuError(await send('POST', reply, JSON.stringify({ text: 42 }), 'application/json'));
    expect(rows(server, 'SELECT id FROM comment')).toHaveLength(before);
  });

  it('keep unicode text and mentions intact', async () => {
    const text = 'Ünïcødé 名前 🎬 Ñandú';
    const result = await send(
      'POST',
      `/actions/tasks/${production.taskId}/comment`,
      JSON.stringify({ task_status_id: statusOf(server, 'wip'), comment: text }),
      'application/json',
    );
    expect(result.status).toBe(201);
    expect(result.body.text).toBe(text);
  });
});
