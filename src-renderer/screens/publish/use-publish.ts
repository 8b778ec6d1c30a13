import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PublishFileCheck, PublishProgress } from '../../../src-shared/publish';
import type { CommentChecklistItem, TaskComment } from '../../../src-shared/task-comment';
import { call, fileRef, onEvent } from '../../ipc/api';
import { queryKeys } from '../../queries/keys';

/** A file to publish, as dropped (or found by main), then main's word on it. */
export interface DroppedFile {
  /** Tells the rows apart: the file's name, size and date, or the ref main found it at. */
  key: string;
  name: string;
  size: number;
  check: PublishFileCheck | null;
  /** Why it could not even be read. */
  error: string | null;
}

export const droppedKey = (file: File) => `${file.name}/${file.size}/${file.lastModified}`;

export function waitingRow(file: File): DroppedFile {
  return { key: droppedKey(file), name: file.name, size: file.size, check: null, error: null };
}

/** Asks main about dropped files: their refs (granted paths), kind, size, whether Kitsu takes them. */
export async function checkDroppedFiles(files: readonly File[]): Promise<DroppedFile[]> {
  const refs = await Promise.all(
    files.map((file) =>
      fileRef(file).then(
        (ref) => ({ ref, error: null }),
        (error: unknown) => ({
          ref: null,
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    ),
  );
  const readable = refs.flatMap((ref) => (ref.ref === null ? [] : [ref.ref]));
  const checks = readable.length > 0 ? await call('publish:check-files', { files: readable }) : [];
  return files.map((file, index) => {
    const { ref, error } = refs[index]!;
    return {
      ...waitingRow(file),
      check: checks.find((check) => check.ref === ref) ?? null,
      error,
    };
  });
}

/** Files main found itself (a render in a watched folder): their refs are granted already. */
export async function checkFoundFiles(refs: readonly string[]): Promise<DroppedFile[]> {
  if (refs.length === 0) return [];
  const checks = await call('publish:check-files', { files: [...refs] });
  return checks.map((check) => ({
    key: check.ref,
    name: check.name,
    size: check.size,
    check,
    error: null,
  }));
}

export interface PublishInput {
  taskId: string;
  files: string[];
  text: string;
  taskStatusId: string;
  baseStatusId: string;
  checklist: CommentChecklistItem[];
  setMainPreview: boolean;
}

/** Queues the publish; the thread shows it at once, main's progress events follow it. */
export function useSubmitPublish(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ checklist, ...input }: PublishInput) =>
      call('publish:submit', { ...input, ...(checklist.length > 0 ? { checklist } : {}) }),
    onSuccess: ({ comment }) => {
      client.setQueryData<TaskComment[]>(queryKeys.comments(taskId), (comments) => [
        comment,
        ...(comments ?? []).filter((row) => row.id !== comment.id),
      ]);
    },
  });
}

/** A publish as main reports it, from its first answer on; null before and once it is gone. */
export function usePublishProgress(entryId: string | null): PublishProgress | null {
  const [progress, setProgress] = useState<PublishProgress | null>(null);
  useEffect(() => {
    if (!entryId) return;
    let live = true;
    const off = onEvent('publish:progress', (next) => {
      if (next.entryId === entryId) setProgress(next);
    });
    // What happened before the subscription, unless an event came meanwhile.
    void call('publish:progress', { entryId }).then((now) => {
      if (live && now) setProgress((seen) => seen ?? now);
    });
    return () => {
      live = false;
      off();
    };
  }, [entryId]);
  return progress;
}
