import { notFound } from '../http/errors';
import { normalizeUuid } from '../crud/values';

/**
 * An id taken from the URL. Zou looks these up through `get_instance`, which turns a value
 * Postgres cannot read as a UUID into the same NotFound as a missing row.
 */
export function pathId(value: string): string {
  const id = normalizeUuid(value);
  if (id === null) throw notFound();
  return id;
}
