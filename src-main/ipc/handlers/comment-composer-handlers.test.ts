import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMENT_ATTACHMENT_BYTES_MAX,
  type MentionCandidate,
  type SettableTaskStatus,
  type TaskComment,
} from '../../../src-shared/task-comment';
import type { TodoTask } from '../../../src-shared/todo-task';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../../src-server/seed/demo-accounts';
import { studioApi, type StudioApi } from '../../test-support/studio-api';
import { logInToLocalStudio, type LocalStudioApp } from '../../test-support/test-app';

// Jordan (the demo artist) writes comments through main's handlers on the local studio; what
// the server stored is read back over plain HTTP, as Jordan and as the admin.

const MISSING = '00000000-0000-4000-8000-000000000000';

let app: LocalStudioApp;
let filesDir: string;
let jordanApi: StudioApi;
let adminApi: StudioApi;
let task: TodoTask;
let outsider: { id: string; name: string };

/** The task's comments as the server holds them. */
const storedComments = (): Promise<any[]> =>
  jordanApi.expectOk('GET', `/data/tasks/${task.id}/comments`);

function fileOf(name: string, content: string | Buffer): string {
  const path = join(filesDir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'shotdesk-composer-files-'));
  app = await logInToLocalStudio();
  jordanApi = await studioApi(app.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  adminApi = await studioApi(app.apiUrl, 'admin@example.com', DEMO_PASSWORD);
  task = (await app.value<TodoTask[]>('tasks:list-todo', {}))[0]!;
  // Someone of the studio who is on no team.
  const person = await adminApi.expectOk('POST', '/data/persons', {
    first_name: 'Outside',
    last_name: 'Contractor',
    email: 'outside.contractor@example.com',
  });
  outsider = { id: person.id, name: 'Outside Contractor' };
}, 180_000);

afterAll(async () => {
  await app?.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('who a comment may mention', () => {
  it('is the task’s project team, by full name, then the departments, each sorted', async () => {
    const candidates = await app.value<MentionCandidate[]>('tasks:list-mentionable', {
      taskId: task.id,
    });
    const team: any[] = await adminApi.expectOk('GET', `/data/projects/${task.projectId}/team`);
    const departments: any[] = await adminApi.expectOk('GET', '/data/departments');
    const people = candidates.filter((candidate) => candidate.kind === 'person');
    const groups = candidates.filter((candidate) => candidate.kind === 'department');
    const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

    expect(candidates).toEqual([...people, ...groups]);
    expect(people.map((person) => person.id).sort()).toEqual(
      team
        .filter((person) => person.active && !person.is_bot)
        .map((person) => person.id)
        .sort(),
    );
    expect(people.map((person) => person.name)).toEqual(
      team.map((person) => person.full_name).sort(byName),
    );
    expect(people.map((person) => person.name)).toContain('Jordan Reyes');
    expect(people.some((person) => person.id === outsider.id)).toBe(false);
    expect(groups.map((group) => group.name)).toEqual(
      departments
        .filter((department) => !department.archived)
        .map((department) => department.name)
        .sort(byName),
    );
    expect(groups.every((group) => /^#/.test(group.color ?? ''))).toBe(true);
  });

  it('says when the task is not there', async () => {
    expect(await app.failure('tasks:list-mentionable', { taskId: MISSING })).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('posting a comment', () => {
  it('sends the checklist and the mentions, and the server records them', async () => {
    const candidates = await app.value<MentionCandidate[]>('tasks:list-mentionable', {
      taskId: task.id,
    });
    const colleague = candidates.find(
      (candidate) => candidate.kind === 'person' && candidate.name !== 'Jordan Reyes',
    )!;
    const department = candidates.find((candidate) => candidate.kind === 'department')!;
    const statuses = await app.value<SettableTaskStatus[]>('tasks:list-statuses', {});
    const wip = statuses.find((status) => status.shortName === 'wip')!;
    app.cacheChanges.length = 0;
    const text = `@${colleague.name} the elbow pops, see @${department.name}`;
    const posted = await app.value<TaskComment>('tasks:post-comment', {
      taskId: task.id,
      text,
      taskStatusId: wip.id,
      checklist: [
        { text: 'Fix the elbow', checked: false },
        { text: 'Re-render frames 10-20', checked: true },
      ],
    });

    expect(posted).toMatchObject({
      text,
      taskStatus: { id: wip.id },
      checklist: [
        { text: 'Fix the elbow', checked: false },
        { text: 'Re-render frames 10-20', checked: true },
      ],
      mentions: [{ id: colleague.id, fullName: colleague.name }],
      attachments: [],
    });
    // Live pushes of earlier writes may land meanwhile: the handler's own must be among them.
    expect(app.cacheChanges).toContainEqual({ tables: ['task', 'comment'], taskIds: [task.id] });
    const stored = (await storedComments())[0];
    expect(stored).toMatchObject({
      id: posted.id,
      mentions: [colleague.id],
      department_mentions: [department.id],
      checklist: posted.checklist,
    });
    const row = (await app.value<TodoTask[]>('tasks:list-todo', {})).find((t) => t.id === task.id)!;
    expect(row.taskStatusId).toBe(wip.id);
    expect(row.lastComment?.text).toBe(text);
  });

  it('sends two files, which the server stores as they were', async () => {
    const notes = fileOf('notes.txt', 'Frame 1042: the elbow pops.\n');
    const frame = fileOf('frame 1042.png', Buffer.from([137, 80, 78, 71, 0, 1, 2, 255]));
    app.services.grantedFiles.grant(notes);
    app.services.grantedFiles.grant(frame);

    const posted = await app.value<TaskComment>('tasks:post-comment', {
      taskId: task.id,
      text: 'Two files',
      taskStatusId: task.taskStatusId,
      attachments: [notes, frame],
    });

    expect(posted.attachments.map((file) => file.name).sort()).toEqual([
      'frame 1042.png',
      'notes.txt',
    ]);
    const stored = (await storedComments())[0];
    expect(stored.id).toBe(posted.id);
    expect(stored.attachment_files).toHaveLength(2);
    for (const attachment of stored.attachment_files as any[]) {
      const response = await fetch(
        `${app.apiUrl}/data/attachment-files/${attachment.id}/file/${encodeURIComponent(attachment.name)}`,
        { headers: { Authorization: `Bearer ${jordanApi.token}` } },
      );
      expect(response.status).toBe(200);
      const sent = attachment.name === 'notes.txt' ? notes : frame;
      expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(sent));
      expect(attachment.size).toBe(readFileSync(sent).length);
    }
  });

  it('never reads a path nobody granted, and posts nothing then', async () => {
    const before = (await storedComments()).length;
    const secret = fileOf('not-chosen.txt', 'private');
    for (const path of [secret, '/etc/passwd', join(filesDir, '..', 'notes.txt')]) {
      expect(
        await app.failure('tasks:post-comment', {
          taskId: task.id,
          text: 'Should not be posted',
          taskStatusId: task.taskStatusId,
          attachments: [path],
        }),
      ).toMatchObject({ code: 'forbidden' });
    }
    // One granted file does not carry an ungranted one with it.
    const chosen = fileOf('chosen.txt', 'fine');
    app.services.grantedFiles.grant(chosen);
    expect(
      await app.failure('tasks:post-comment', {
        taskId: task.id,
        text: 'Should not be posted',
        taskStatusId: task.taskStatusId,
        attachments: [chosen, secret],
      }),
    ).toMatchObject({ code: 'forbidden', message: expect.stringContaining('not-chosen.txt') });
    expect((await storedComments()).length).toBe(before);
  });

  it('refuses a file over the attachment cap, and posts nothing then', async () => {
    const before = (await storedComments()).length;
    const big = fileOf('big.mov', '');
    truncateSync(big, COMMENT_ATTACHMENT_BYTES_MAX + 1);
    app.services.grantedFiles.grant(big);
    expect(
      await app.failure('tasks:post-comment', {
        taskId: task.id,
        text: 'Too big',
        taskStatusId: task.taskStatusId,
        attachments: [big],
      }),
    ).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('larger than 50 MB'),
    });
    expect((await storedComments()).length).toBe(before);
  });

  it('refuses more files and checklist items than a comment carries', async () => {
    const tooMany = Array.from({ length: 11 }, (_, index) => join(filesDir, `f${index}`));
    for (const input of [
      { attachments: tooMany },
      { checklist: Array.from({ length: 101 }, () => ({ text: 'x', checked: false })) },
      { checklist: [{ text: '   ', checked: false }] },
      { attachments: [''] },
    ]) {
      expect(
        await app.failure('tasks:post-comment', {
          taskId: task.id,
          text: '',
          taskStatusId: task.taskStatusId,
          ...input,
        }),
      ).toMatchObject({ code: 'invalid-input' });
    }
  });
});
