/**
 * How a still sits in its viewport: its scale (1 = one image pixel per CSS pixel) and the offset
 * of its centre from the viewport's centre, in CSS pixels.
 */
export interface ImageView {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 1 / 32;
export const MAX_SCALE = 32;
/** One +/− press or wheel notch. */
export const ZOOM_STEP = 1.25;

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole image in the viewport, centred, enlarged or reduced to fit. */
export function fitView(image: Size, viewport: Size): ImageView {
  if (image.width <= 0 || image.height <= 0 || viewport.width <= 0 || viewport.height <= 0) {
    return { scale: 1, x: 0, y: 0 };
  }
  const scale = Math.min(viewport.width / image.width, viewport.height / image.height);
  return { scale: clampScale(scale), x: 0, y: 0 };
}

/** One image pixel per CSS pixel, centred. */
export function actualSizeView(): ImageView {
  return { scale: 1, x: 0, y: 0 };
}

/**
 * Zoom by `factor` keeping the image point under `anchor` where it is (`anchor` from the
 * viewport's centre, in CSS pixels; the centre itself for keyboard zoom).
 */
export function zoomView(
  view: ImageView,
  factor: number,
  anchor: { x: number; y: number } = { x: 0, y: 0 },
): ImageView {
  const scale = clampScale(view.scale * factor);
  const applied = scale / view.scale;
  return {
    scale,
    x: anchor.x - (anchor.x - view.x) * applied,
    y: anchor.y - (anchor.y - view.y) * applied,
  };
}

export function panView(view: ImageView, dx: number, dy: number): ImageView {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The wheel's zoom factor: one step per notch, whatever the delta unit. */
export function wheelZoomFactor(deltaY: number): number {
  if (deltaY === 0) return 1;
  return deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
}
