import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src-server/auth/jwt';
import { call } from '../../src-server/test-support/http-client';
import {
  accessTokenFor,
  createPerson,
  startTestServer,
  type TestServer,
} from '../../src-server/test-support/test-server';
import { GrantedFiles } from '../files/granted-files';
import { KitsuClient, type KitsuTokens } from '../kitsu/kitsu-client';
import { postTaskComment } from './post-task-comment';

let server: TestServer;
let adminId: string;
let adminToken: string;
let taskId: string;
let wipId: string;
let dir: string;

const api = (method: string, path: string, body?: unknown) =>
  call(method, `${server.baseUrl}${path}`, { token: adminToken, body });
const idOf = async (path: string, key: string, value: string): Promise<string> => {
  const rows = (await api('GET', path)).body as Record<string, unknown>[];
  return String(rows.find((row) => row[key] === value)!.id);
};

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-post-comment-'));
  adminId = (await createPerson(server.context, { role: 'admin' })).id;
  adminToken = accessTokenFor(server.context, adminId);
  // A production built through the API, as an admin would.
  const project = await api('POST', '/data/projects', {
    name: 'Multipart',
    project_status_id: await idOf('/data/project-status', 'name', 'Open'),
  });
  const entity = await api('POST', '/data/entities', {
    name: 'Robot',
    project_id: project.body.id,
    entity_type_id: await idOf('/data/entity-types', 'name', 'Character'),
  });
  wipId = await idOf('/data/task-status', 'short_name', 'wip');
  const task = await api('POST', '/data/tasks', {
    name: 'main',
    project_id: project.body.id,
    entity_id: entity.body.id,
    task_type_id: await idOf('/data/task-types', 'name', 'Modeling'),
    task_status_id: await idOf('/data/task-status', 'short_name', 'todo'),
  });
  expect(task.status).toBe(201);
  taskId = task.body.id;
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('postTaskComment over multipart', () => {
  it('renews an expired token first, then sends the checklist and the files', async () => {
    const sign = (type: 'access' | 'refresh', ttlSeconds: number) =>
      signToken(server.context.jwtSecret, {
        sub: adminId,
        type,
        identityType: 'person',
        ttlSeconds,
      }).token;
    const refreshed: KitsuTokens[] = [];
    const client = new KitsuClient({
      apiUrl: server.baseUrl,
      tokens: { accessToken: sign('access', -60), refreshToken: sign('refresh', 3600) },
      onTokensChanged: (tokens) => {
        refreshed.push(tokens);
      },
    });
    const files = new GrantedFiles();
    const notes = join(dir, 'notes.txt');
    const frame = join(dir, 'frame.bin');
    writeFileSync(notes, 'Fix the elbow.\n');
    writeFileSync(frame, Buffer.from([0, 1, 2, 3, 254, 255]));
    files.grant(notes);
    files.grant(frame);

    const comment = await postTaskComment(client, files, {
      taskId,
      text: 'Two files',
      taskStatusId: wipId,
      checklist: [{ text: 'Elbow', checked: false }],
      attachments: [notes, frame],
    });

    expect(refreshed).toHaveLength(1);
    expect(comment).toMatchObject({
      text: 'Two files',
      taskStatus: { id: wipId },
      checklist: [{ text: 'Elbow', checked: false }],
    });
    expect(comment.attachments.map((file) => file.name).sort()).toEqual(['frame.bin', 'notes.txt']);
    for (const attachment of comment.attachments) {
      const response = await fetch(
        `${server.baseUrl}/data/attachment-files/${attachment.id}/file/${attachment.name}`,
        // No keep-alive left behind: closing the server would wait for it.
        { headers: { Authorization: `Bearer ${adminToken}`, Connection: 'close' } },
      );
      const sent = attachment.name === 'notes.txt' ? notes : frame;
      expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(sent));
    }
  });
});
