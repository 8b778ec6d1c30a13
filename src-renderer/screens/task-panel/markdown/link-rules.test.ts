import { describe, expect, it } from 'vitest';
import { safeHref } from './link-rules';

describe('safeHref', () => {
  it('lets absolute http(s) and mailto links through', () => {
    expect(safeHref('https://kitsu.example.com/shots?id=1')).toBe(
      'https://kitsu.example.com/shots?id=1',
    );
    expect(safeHref(' http://example.com ')).toBe('http://example.com/');
    expect(safeHref('mailto:tom@example.com')).toBe('mailto:tom@example.com');
  });

  it('drops every other scheme and anything relative', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'shotdesk-media://x',
      '/settings',
      '../x',
      '#top',
      'www.example.com',
      'https://',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(url)).toBeNull();
    }
  });
});
