/** The longest name written, in UTF-8 bytes: room for ` (n)` under the 255 most file systems take. */
const NAME_MAX_BYTES = 200;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

// Windows refuses these as a name, with or without an extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\.|$)/i;

/**
 * A name a server sent, made safe to create inside a folder on any OS: its last path segment
 * only, no control or reserved character, no leading or trailing dot or space (no `..`, no
 * hidden file), no device name, a bounded length that keeps the extension.
 */
export function safeFileName(name: string, fallback = 'attachment'): string {
  const segment =
    name
      .split(/[/\\]/)
      .reverse()
      .find((part) => part.trim() !== '' && part !== '.' && part !== '..') ?? '';
  let safe = segment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') safe = fallback;
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return truncate(safe);
}

/** `name.ext`, then `name (1).ext`, `name (2).ext`… */
export function numberedName(name: string, index: number): string {
  if (index === 0) return name;
  const { stem, extension } = splitExtension(name);
  return `${stem} (${index})${extension}`;
}

function truncate(name: string): string {
  if (byteLength(name) <= NAME_MAX_BYTES) return name;
  const { stem, extension } = splitExtension(name);
  const keep = byteLength(extension) <= 20 ? extension : '';
  let kept = '';
  for (const char of stem) {
    if (byteLength(kept + char + keep) > NAME_MAX_BYTES) break;
    kept += char;
  }
  return `${kept.trimEnd()}${keep}`;
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? { stem: name.slice(0, dot), extension: name.slice(dot) }
    : { stem: name, extension: '' };
}
