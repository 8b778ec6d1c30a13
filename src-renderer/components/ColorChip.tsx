import { Badge } from '@mantine/core';

/** A Kitsu colour (task type, status) as a chip, its text dark or light for contrast. */
export function ColorChip({
  color,
  label,
  title,
}: {
  color: string;
  label: string;
  title?: string;
}) {
  return (
    <Badge
      variant="filled"
      radius="sm"
      title={title ?? label}
      styles={{
        root: { backgroundColor: color, color: textOn(color), maxWidth: '100%' },
        label: { overflow: 'hidden', textOverflow: 'ellipsis' },
      }}
    >
      {label}
    </Badge>
  );
}

function textOn(color: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return '#fff';
  const value = parseInt(match[1]!, 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1a1b1e' : '#fff';
}
