import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentMarkdown } from './CommentMarkdown';

const jordan = { id: 'jordan-id', fullName: 'Jordan Reyes' };

function render(text: string, myId: string | null = null): string {
  return renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(CommentMarkdown, { text, mentions: [jordan], myId }),
    ),
  );
}

describe('CommentMarkdown', () => {
  it('renders Markdown: emphasis, lists, code, line breaks', () => {
    const html = render('**bold** and `code`\nnext line\n\n- one\n- two');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<br/>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  });

  it('shows raw HTML as text, never as elements or attributes', () => {
    const html = render(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<b onclick="x()">b</b>',
    );
    expect(html).not.toMatch(/<(script|img|b)[\s>]/i);
    expect(html).not.toMatch(/<[^>]*\son(error|click)=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('opens only http(s) and mailto links, in the browser, and never loads an image', () => {
    const html = render(
      '[site](https://example.com) [bad](javascript:alert(1)) [mail](mailto:a@b.c) ' +
        '![pic](https://example.com/p.png) ![local](/etc/passwd)',
    );
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/example.com\/"[^>]*target="_blank"[^>]*rel="noreferrer noopener"/,
    );
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span>bad</span>');
    expect(html).not.toMatch(/<img/);
    expect(html).toMatch(/<a[^>]*href="https:\/\/example.com\/p.png"[^>]*>🖼 pic<\/a>/);
    expect(html).toContain('<span>[local]</span>');
  });

  it('highlights mentions, the reader’s own differently, but not inside code', () => {
    const html = render('Hey **@Jordan Reyes** look `@Jordan Reyes`', 'jordan-id');
    expect(html).toMatch(
      /<strong><span[^>]*data-self="true"[^>]*data-person-id="jordan-id"[^>]*>@Jordan Reyes<\/span><\/strong>/,
    );
    expect(html).toContain('<code>@Jordan Reyes</code>');
    expect(render('@Jordan Reyes', 'someone-else')).not.toContain('data-self');
  });
});
