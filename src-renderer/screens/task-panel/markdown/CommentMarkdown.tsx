import { Anchor } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CommentPersonRef } from '../../../../src-shared/task-comment';
import { safeHref } from './link-rules';
import {
  MENTION_CLASS,
  remarkHtmlAsText,
  remarkLineBreaks,
  remarkMentions,
} from './remark-comment';
import classes from './comment-markdown.module.css';

export interface CommentMarkdownProps {
  text: string;
  /** The people the text mentions, highlighted where their `@Full Name` appears. */
  mentions: readonly CommentPersonRef[];
  /** The reader, whose own mentions stand out. */
  myId: string | null;
  testId?: string;
}

/**
 * A comment's Markdown (GitHub flavour) without any raw HTML: HTML shows as text, links open
 * only http(s) and mailto in the browser, images are links and never load.
 */
export function CommentMarkdown({ text, mentions, myId, testId }: CommentMarkdownProps) {
  const remarkPlugins = useMemo(
    () => [
      remarkGfm,
      remarkHtmlAsText,
      remarkLineBreaks,
      [remarkMentions, { mentions }] as [typeof remarkMentions, { mentions: typeof mentions }],
    ],
    [mentions],
  );
  const components = useMemo(() => markdownComponents(myId), [myId]);
  return (
    <div className={classes.markdown} data-testid={testId}>
      <Markdown
        remarkPlugins={remarkPlugins}
        skipHtml
        urlTransform={(url) => safeHref(url) ?? ''}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
}

function markdownComponents(myId: string | null): Components {
  return {
    a: ({ href, children }) => <Link href={href}>{children}</Link>,
    img: ({ src, alt }) => {
      const label = alt?.trim() || 'image';
      const href = typeof src === 'string' ? safeHref(src) : null;
      return href ? (
        <Link href={href} testId="comment-image-link">
          {`🖼 ${label}`}
        </Link>
      ) : (
        <span>{`[${label}]`}</span>
      );
    },
    span: ({ className, children, ...props }) => {
      if (!className?.split(' ').includes(MENTION_CLASS)) {
        return <span className={className}>{children}</span>;
      }
      const personId = (props as Record<string, unknown>)['data-person-id'];
      return (
        <span
          className={classes.mention}
          data-self={personId === myId ? true : undefined}
          data-person-id={typeof personId === 'string' ? personId : undefined}
          data-testid="comment-mention"
        >
          {children}
        </span>
      );
    },
  };
}

function Link({
  href,
  children,
  testId = 'comment-link',
}: {
  href: string | undefined;
  children: ReactNode;
  testId?: string;
}) {
  const safe = safeHref(href);
  if (!safe) return <span>{children}</span>;
  return (
    <Anchor href={safe} target="_blank" rel="noreferrer noopener" inherit data-testid={testId}>
      {children}
    </Anchor>
  );
}
