import { useState, type CSSProperties, type ReactNode } from 'react';
import { mediaUrl, type MediaKind } from '../../src-shared/media';
import { useAppInfo } from '../queries/hooks';

/** The URL of a preview's media as main serves it here; null until main says where. */
export function useMediaUrl(kind: MediaKind, previewFileId: string | null): string | null {
  const address = useAppInfo().data?.media ?? null;
  if (!address || !previewFileId) return null;
  return mediaUrl(address, kind, previewFileId);
}

/**
 * A preview's picture (a thumbnail by default) from main's media cache, or `fallback` while
 * there is none: no preview, not cached while offline, still processing.
 */
export function PreviewImage({
  previewFileId,
  kind = 'thumbnail',
  alt,
  fallback,
  style,
  testId,
}: {
  previewFileId: string | null;
  kind?: Extract<MediaKind, 'thumbnail' | 'picture' | 'tile'>;
  alt: string;
  fallback: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  const url = useMediaUrl(kind, previewFileId);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!url || failedUrl === url) return <>{fallback}</>;
  return (
    <img
      src={url}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailedUrl(url)}
      style={{ display: 'block', objectFit: 'cover', ...style }}
      data-testid={testId}
    />
  );
}
