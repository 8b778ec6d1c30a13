import {
  DEV_HOST_FILE_NAME_HEADER,
  DEV_HOST_STAGE_PATH,
  DEV_HOST_TOKEN_HEADER,
} from '../../src-shared/ipc/dev-host-protocol';
import { isErrorCode, type ErrorCode, type IpcResult } from '../../src-shared/ipc';

/**
 * In the dev host a page gets no file paths: the file goes to the dev host, which keeps a
 * private copy that main may read, and answers with its path.
 */
export async function stageFile(file: File, token: string): Promise<IpcResult<string>> {
  let response: Response;
  try {
    response = await fetch(new URL(DEV_HOST_STAGE_PATH, window.location.href), {
      method: 'POST',
      headers: {
        [DEV_HOST_TOKEN_HEADER]: token,
        [DEV_HOST_FILE_NAME_HEADER]: encodeURIComponent(file.name),
        'Content-Type': 'application/octet-stream',
      },
      body: file,
    });
  } catch {
    return failure(
      'offline',
      `“${file.name}” could not be sent to Shotdesk’s dev host. Is \`npm run web\` still running?`,
    );
  }
  const body = (await response.json().catch(() => null)) as {
    path?: unknown;
    error?: { code?: unknown; message?: unknown };
  } | null;
  if (response.ok && typeof body?.path === 'string') return { ok: true, value: body.path };
  const code = isErrorCode(body?.error?.code) ? body.error.code : 'server-error';
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `The dev host did not take “${file.name}” (HTTP ${response.status}).`;
  return failure(code, message);
}

const failure = (code: ErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});
