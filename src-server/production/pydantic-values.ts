import { parseBoolean } from '../crud/values';

// pydantic's lax conversions of the types Zou's schemas use, with pydantic's messages.

/** A field that failed validation; the message is pydantic's. */
export class Invalid extends Error {}

export function asString(value: unknown): string {
  if (typeof value !== 'string') throw new Invalid('Input should be a valid string');
  return value;
}

export function asInt(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
    throw new Invalid('Input should be a valid integer, got a number with a fractional part');
  }
  if (typeof value === 'string') {
    if (/^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
    throw new Invalid('Input should be a valid integer, unable to parse string as an integer');
  }
  throw new Invalid('Input should be a valid integer');
}

export function asBool(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const parsed = parseBoolean(typeof value === 'string' ? value.trim() : value);
    if (parsed !== null) return parsed;
    if (typeof value === 'string') {
      throw new Invalid('Input should be a valid boolean, unable to interpret input');
    }
  }
  throw new Invalid('Input should be a valid boolean');
}

const HEX = /[0-9a-f]/i;
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

/** pydantic's UUID: hyphenated or simple hex, lowercased and hyphenated; else its message. */
export function asUuid(value: unknown): string {
  if (typeof value !== 'string') {
    throw new Invalid('UUID input should be a string, bytes or UUID object');
  }
  const text = value.startsWith('urn:uuid:') ? value.slice('urn:uuid:'.length) : value;
  const offset = value.length - text.length;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char !== '-' && !HEX.test(char)) {
      throw uuidError(
        'invalid character: expected an optional prefix of `urn:uuid:` followed by ' +
          `[0-9a-fA-F-], found \`${char}\` at ${index + offset + 1}`,
      );
    }
  }
  const groups = text.split('-');
  if (groups.length === 1) {
    if (text.length !== 32) {
      throw uuidError(`invalid length: expected length 32 for simple format, found ${text.length}`);
    }
  } else if (groups.length !== 5) {
    throw uuidError(`invalid group count: expected 5, found ${groups.length}`);
  } else {
    groups.forEach((group, index) => {
      if (group.length !== GROUP_LENGTHS[index]) {
        throw uuidError(
          `invalid group length in group ${index}: expected ${GROUP_LENGTHS[index]}, found ${group.length}`,
        );
      }
    });
  }
  const hex = groups.join('').toLowerCase();
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

function uuidError(detail: string): Invalid {
  return new Invalid(`Input should be a valid UUID, ${detail}`);
}
