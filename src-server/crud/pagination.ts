import type { QueryParams } from './query-params';
import { intParam } from './query-params';

/** Zou's NB_RECORDS_PER_PAGE. */
export const DEFAULT_PAGE_SIZE = 100;

export interface PageRequest {
  page: number;
  limit: number;
}

/** Pagination applies only when `page` is given (`page > -1`); `limit` alone is ignored. */
export function readPageRequest(query: QueryParams): PageRequest | null {
  const page = intParam(query, 'page', -1);
  const limit = intParam(query, 'limit', 0);
  if (page <= -1) return null;
  return { page, limit: limit || DEFAULT_PAGE_SIZE };
}

export interface PageWindow {
  offset: number;
  /** False when the page is before the first or past the last row: data is then empty. */
  hasRows: boolean;
}

export function pageWindow(request: PageRequest, total: number): PageWindow {
  const offset = (request.page - 1) * request.limit;
  return { offset, hasRows: request.page >= 1 && total >= offset };
}

export interface PageEnvelope<T> {
  data: T[];
  total: number;
  nb_pages: number;
  limit: number;
  offset: number;
  page: number;
}

export function pageEnvelope<T>(request: PageRequest, total: number, data: T[]): PageEnvelope<T> {
  return {
    data,
    total,
    nb_pages: Math.ceil(total / request.limit),
    limit: request.limit,
    offset: (request.page - 1) * request.limit,
    page: request.page,
  };
}

/** Pagination's order: most recently updated first. */
export const PAGE_ORDER = 't.updated_at DESC, t.created_at DESC, t.id';
