import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduction, loginAs, type Member, type Production } from '../comments/comment-test-kit';
import type { TestServer } from '../test-support/test-server';
import { startTestServer } from '../test-support/test-server';
import { postComment, stagedFiles, waitingPreview } from './preview-test-kit';

// Every preview upload route answers malformed input with a 4xx in one of Zou's shapes,
// never a 500, and writes nothing.

let server: TestServer;
let production: Production;
let admin: Member;
let commentId: string;

beforeAll(async () => {
  server = await startTestServer();
  production = await addProduction(server);
  admin = await loginAs(server, 'admin');
  commentId = await postComment(server, production.artist, production.taskId);
});
afterAll(() => server.close());

async function send(path: string, body?: string, contentType?: string): Promise<any> {
  const headers: Record<string, string> = { Authorization: `Bearer ${admin.token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : JSON.parse(text) };
}

function previewCount(): number {
  return server.context.db.prepare('SELECT COUNT(*) FROM preview_file').pluck().get() as number;
}

describe('preview routes on bad input', () => {
  it('answer unknown and malformed ids with 404', async () => {
    const { taskId } = production;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const paths = [
      `/actions/tasks/x/comments/${commentId}/add-preview`,
      `/actions/tasks/${taskId}/comments/x/add-preview`,
      `/actions/tasks/${taskId}/comments/${unknown}/add-preview`,
      `/actions/tasks/${taskId}/comments/${commentId}/preview-files/x`,
      `/actions/tasks/${unknown}/comments/${commentId}/preview-files/${unknown}`,
      '/pictures/preview-files/x',
      `/pictures/preview-files/${unknown}`,
    ];
    for (const path of paths) {
      const result = await send(path, '{}', 'application/json');
      expect(result.status, path).toBe(404);
      expect(result.body.error).toBe(true);
    }
    expect(previewCount()).toBe(0);
  });

  it('refuse add-preview bodies that are not a revision, creating nothing', async () => {
    const path = `/actions/tasks/${production.taskId}/comments/${commentId}/add-preview`;
    const bodies: [string, string][] = [
      ['[1, 2]', 'application/json'],
      ['{"revision": 1.5}', 'application/json'],
      ['{"revision": {"a": 1}}', 'application/json'],
      ['revision=-4', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of bodies) {
      const result = await send(path, body, type);
      expect(result.status, body).toBe(400);
      expect(result.body.error).toBe(true);
    }
    expect(previewCount()).toBe(0);
  });

  it('refuse broken multipart bodies, leaving the row waiting and nothing staged', async () => {
    const previewId = await waitingPreview(server, production.artist, production.taskId);
    const path = `/pictures/preview-files/${previewId}`;
    const bodies: [string, string][] = [
      [
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
        'multipart/form-data; boundary=b',
      ],
      ['no boundary here', 'multipart/form-data'],
      ['plain text', 'text/plain'],
    ];
    for (const [body, type] of bodies) {
      const result = await send(path, body, type);
      expect(result.status, type).toBeGreaterThanOrEqual(400);
      expect(result.status, type).toBeLessThan(500);
      expect(result.body.error).toBe(true);
    }
    const row = server.context.db
      .prepare('SELECT original_name, status FROM preview_file WHERE id = ?')
      .get(previewId);
    expect(row).toEqual({ original_name: null, status: 'processing' });
    expect(stagedFiles(server)).toEqual([]);
  });
});
