import type { CommentPersonRef } from '../../../../src-shared/task-comment';
import { splitMentions } from './mention-split';

// Remark plugins for comment text. mdast is typed loosely here: these only read and rewrite
// `text`/`html` leaves, wherever they sit.

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

/** Rewrites every leaf of the given types; a leaf becomes the nodes the function returns. */
function mapLeaves(
  tree: MdNode,
  types: readonly string[],
  map: (node: MdNode, parent: MdNode) => MdNode[],
): void {
  if (!tree.children) return;
  tree.children = tree.children.flatMap((child) => {
    if (types.includes(child.type)) return map(child, tree);
    mapLeaves(child, types, map);
    return [child];
  });
}

/** Containers whose children are blocks: a leaf there must sit in a paragraph. */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Raw HTML shows as the text it is: `<b>x</b>` and `<script>` are neither rendered nor
 * silently dropped, so the reader sees what the author typed.
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => {
    mapLeaves(tree, ['html'], (node, parent) => {
      const text = { type: 'text', value: node.value ?? '' };
      return [BLOCK_CONTAINERS.has(parent.type) ? { type: 'paragraph', children: [text] } : text];
    });
  };
}

/** A single newline is a line break, as in Kitsu's own comment view. */
export function remarkLineBreaks() {
  return (tree: MdNode) => {
    mapLeaves(tree, ['text'], (node) =>
      (node.value ?? '')
        .split('\n')
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'break' }] : []),
          ...(line === '' ? [] : [{ type: 'text', value: line }]),
        ]),
    );
  };
}

/** The CSS class a mention's element carries, for the renderer to style it. */
export const MENTION_CLASS = 'shotdesk-mention';

/** `@Full Name` of a mentioned person becomes a `<span class=shotdesk-mention>`. */
export function remarkMentions(options: { mentions: readonly CommentPersonRef[] }) {
  return (tree: MdNode) => {
    if (options.mentions.length === 0) return;
    mapLeaves(tree, ['text'], (node) =>
      splitMentions(node.value ?? '', options.mentions).map((segment) =>
        segment.kind === 'text'
          ? { type: 'text', value: segment.text }
          : {
              type: 'text',
              value: segment.text,
              data: {
                hName: 'span',
                hProperties: { className: [MENTION_CLASS], dataPersonId: segment.personId },
              },
            },
      ),
    );
  };
}
