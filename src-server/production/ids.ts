import { notFound, wrongIdFormat } from '../http/errors';
import { normalizeUuid } from '../crud/values';

/**
 * An id from the path. Zou reads these through its services, where a malformed id fails the
 * lookup like a missing row: 404.
 */
export function pathId(value: unknown): string {
  const id = normalizeUuid(value);
  if (id === null) throw notFound();
  return id;
}

/** An id compared in SQL (a StatementError in Zou): 400 WrongIdFormat when malformed. */
export function sqlId(value: unknown): string {
  const id = normalizeUuid(value);
  if (id === null) throw wrongIdFormat();
  return id;
}
