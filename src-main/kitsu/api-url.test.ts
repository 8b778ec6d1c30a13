import { describe, expect, it } from 'vitest';
import { normalizeApiUrl } from './api-url';

describe('normalizeApiUrl', () => {
  it.each([
    ['https://kitsu.example.com', 'https://kitsu.example.com/api'],
    ['https://kitsu.example.com/', 'https://kitsu.example.com/api'],
    ['https://kitsu.example.com/api/', 'https://kitsu.example.com/api'],
    ['kitsu.example.com', 'https://kitsu.example.com/api'],
    ['localhost:5000', 'http://localhost:5000/api'],
    ['127.0.0.1:5000/api', 'http://127.0.0.1:5000/api'],
    ['https://example.com/kitsu?x=1#y', 'https://example.com/kitsu/api'],
  ])('%s → %s', (typed, expected) => {
    expect(normalizeApiUrl(typed)).toBe(expected);
  });

  it('refuses what is not an http address', () => {
    expect(() => normalizeApiUrl('ftp://example.com')).toThrow(/http or https/);
    expect(() => normalizeApiUrl('https://user:pw@example.com')).toThrow(/password/);
    expect(() => normalizeApiUrl('http://')).toThrow(/not a web address/);
  });
});
