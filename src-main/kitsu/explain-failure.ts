import type { ErrorCode } from '../../src-shared/ipc';
import { AppError, isAppError } from './app-error';

/**
 * Rewords the failures of one operation that a person can act on (a deleted comment, a
 * missing right); any other failure keeps the client's message.
 */
export async function explainFailure<T>(
  work: Promise<T>,
  messages: Partial<Record<ErrorCode, string>>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const message = isAppError(error) ? messages[error.code] : undefined;
    if (!isAppError(error) || message === undefined) throw error;
    throw new AppError(error.code, message, error.status);
  }
}
