import type { IncomingHttpHeaders } from 'node:http';

// The conditional GET rules of werkzeug's `Response.make_conditional`, which Zou's
// `send_file(conditional=True)` answers with: one byte range or a 416, If-Range, and 304s from
// If-None-Match (else If-Modified-Since). A Range is honoured before a 304 is considered.

/** What identifies the file being served. */
export interface FileValidators {
  /** The quoted strong ETag sent with the file. */
  etag: string;
  /** The `Last-Modified` sent with the file, if any (second precision). */
  lastModified: Date | null;
  size: number;
}

/** Inclusive byte offsets of the part to send. */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const PLAIN_INT = /^-?\d+$/;

function plainInt(text: string): number | null {
  const value = text.trim();
  return PLAIN_INT.test(value) ? Number(value) : null;
}

type ParsedRange = { begin: number; end: number | null };

/** `parse_range_header`: null when werkzeug cannot read the header. */
function parseRanges(value: string): { units: string; ranges: ParsedRange[] } | null {
  const equals = value.indexOf('=');
  if (equals < 0) return null;
  const units = value.slice(0, equals).trim().toLowerCase();
  const ranges: ParsedRange[] = [];
  let lastEnd = 0;
  for (const rawItem of value.slice(equals + 1).split(',')) {
    const item = rawItem.trim();
    if (!item.includes('-')) return null;
    if (item.startsWith('-')) {
      if (lastEnd < 0) return null;
      const begin = plainInt(item);
      if (begin === null) return null;
      ranges.push({ begin, end: null });
      lastEnd = -1;
      continue;
    }
    const dash = item.indexOf('-');
    const begin = plainInt(item.slice(0, dash));
    if (begin === null || begin < lastEnd || lastEnd < 0) return null;
    const endText = item.slice(dash + 1).trim();
    let end: number | null = null;
    if (endText !== '') {
      const last = plainInt(endText);
      if (last === null) return null;
      end = last + 1;
      if (begin >= end) return null;
    }
    ranges.push({ begin, end });
    lastEnd = end ?? -1;
  }
  return { units, ranges };
}

/**
 * `Range.range_for_length`: only one range in bytes is served; a suffix longer than the file
 * or a start past its end is unsatisfiable, as werkzeug has it.
 */
function rangeForLength(header: string, size: number): RangeAnswer {
  const parsed = parseRanges(header);
  const only = parsed?.ranges.length === 1 ? parsed.ranges[0] : undefined;
  if (!parsed || parsed.units !== 'bytes' || !only) return { kind: 'unsatisfiable' };
  let start = only.begin;
  let end = only.end;
  if (end === null) {
    end = size;
    if (start < 0) start += size;
  }
  if (start >= end || start < 0 || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size) - 1 };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** RFC 9110 dates (IMF-fixdate, RFC 850, asctime) all name a weekday; tags never do. */
const HTTP_DATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i;

function parseHttpDate(value: string | undefined): Date | null {
  if (!value || !HTTP_DATE.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** `unquote_etag`: the tag without quotes and without its weakness mark. */
function bareTag(tag: string): string {
  let value = tag.trim();
  if (value.startsWith('W/')) value = value.slice(2);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return value;
}

/** `parse_etags(...).contains_weak`: `*`, or any listed tag equal once quotes and W/ are gone. */
function matchesAnyTag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const wanted = bareTag(etag);
  return (header.match(/(?:W\/)?"[^"]*"|[^,\s]+/g) ?? []).some((tag) => bareTag(tag) === wanted);
}

/** `If-Range`: the range stands only while the file is still the one the client named. */
function ifRangeHolds(headers: IncomingHttpHeaders, file: FileValidators): boolean {
  const value = headerValue(headers, 'if-range');
  if (value === undefined) return true;
  const date = parseHttpDate(value);
  if (date) {
    return !!file.lastModified && file.lastModified.getTime() <= date.getTime();
  }
  return bareTag(value) === bareTag(file.etag);
}

/** The part of the file a GET asks for; empty files are always sent whole. */
export function rangeToSend(headers: IncomingHttpHeaders, file: FileValidators): RangeAnswer {
  const range = headerValue(headers, 'range');
  if (range === undefined || file.size === 0 || !ifRangeHolds(headers, file)) {
    return { kind: 'whole' };
  }
  return rangeForLength(range, file.size);
}

/** `is_resource_modified` negated: If-None-Match decides when sent, else If-Modified-Since. */
export function isNotModified(headers: IncomingHttpHeaders, file: FileValidators): boolean {
  const noneMatch = headerValue(headers, 'if-none-match');
  if (noneMatch !== undefined && noneMatch.trim() !== '') {
    return matchesAnyTag(noneMatch, file.etag);
  }
  const since = parseHttpDate(headerValue(headers, 'if-modified-since'));
  return !!since && !!file.lastModified && file.lastModified.getTime() <= since.getTime();
}
