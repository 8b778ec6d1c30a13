import type { MediaKind } from '../../src-shared/media';

/** Where Kitsu serves each kind of a preview file, and what it is. */
export const MEDIA_SOURCES: Record<MediaKind, { path: (id: string) => string; type: string }> = {
  thumbnail: { path: (id) => `/pictures/thumbnails/preview-files/${id}.png`, type: 'image/png' },
  picture: { path: (id) => `/pictures/previews/preview-files/${id}.png`, type: 'image/png' },
  'picture-original': {
    path: (id) => `/pictures/originals/preview-files/${id}.png`,
    type: 'image/png',
  },
  movie: { path: (id) => `/movies/originals/preview-files/${id}.mp4`, type: 'video/mp4' },
  'movie-low': { path: (id) => `/movies/low/preview-files/${id}.mp4`, type: 'video/mp4' },
  tile: { path: (id) => `/movies/tiles/preview-files/${id}.png`, type: 'image/png' },
  // Stored as-is formats (PDF, EXR…): Kitsu's download names the type.
  file: {
    path: (id) => `/pictures/originals/preview-files/${id}/download`,
    type: 'application/octet-stream',
  },
};
