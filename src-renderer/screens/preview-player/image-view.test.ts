import { describe, expect, it } from 'vitest';
import {
  MAX_SCALE,
  MIN_SCALE,
  fitView,
  panView,
  wheelZoomFactor,
  zoomView,
  type ImageView,
} from './image-view';

/** Where an image pixel lands in the viewport, from the viewport's centre. */
function screenPoint(
  view: ImageView,
  image: { width: number; height: number },
  px: number,
  py: number,
) {
  return {
    x: view.x + (px - image.width / 2) * view.scale,
    y: view.y + (py - image.height / 2) * view.scale,
  };
}

describe('fitView', () => {
  it('fits the limiting side, reducing or enlarging', () => {
    expect(fitView({ width: 1920, height: 1080 }, { width: 960, height: 800 })).toEqual({
      scale: 0.5,
      x: 0,
      y: 0,
    });
    expect(fitView({ width: 100, height: 200 }, { width: 1000, height: 400 }).scale).toBe(2);
  });

  it('stays sane before the image or the viewport has a size', () => {
    expect(fitView({ width: 0, height: 0 }, { width: 800, height: 600 })).toEqual({
      scale: 1,
      x: 0,
      y: 0,
    });
    expect(fitView({ width: 10, height: 10 }, { width: 0, height: 600 }).scale).toBe(1);
  });
});

describe('zoomView', () => {
  it('keeps the image point under the pointer where it was', () => {
    const image = { width: 1000, height: 500 };
    const view: ImageView = { scale: 0.8, x: 30, y: -20 };
    const anchor = screenPoint(view, image, 700, 100);
    const zoomed = zoomView(view, 1.25, anchor);
    expect(zoomed.scale).toBeCloseTo(1, 12);
    const after = screenPoint(zoomed, image, 700, 100);
    expect(after.x).toBeCloseTo(anchor.x, 9);
    expect(after.y).toBeCloseTo(anchor.y, 9);
  });

  it('zooms about the centre by default and stays within its bounds', () => {
    expect(zoomView({ scale: 1, x: 10, y: 0 }, 2)).toEqual({ scale: 2, x: 20, y: 0 });
    expect(zoomView({ scale: MAX_SCALE, x: 0, y: 0 }, 2).scale).toBe(MAX_SCALE);
    expect(zoomView({ scale: MIN_SCALE, x: 0, y: 0 }, 0.5).scale).toBe(MIN_SCALE);
  });
});

describe('panView and wheelZoomFactor', () => {
  it('moves the image by the drag and zooms one step per notch', () => {
    expect(panView({ scale: 2, x: 1, y: 2 }, 5, -7)).toEqual({ scale: 2, x: 6, y: -5 });
    expect(wheelZoomFactor(-120)).toBeGreaterThan(1);
    expect(wheelZoomFactor(3)).toBeLessThan(1);
    expect(wheelZoomFactor(0)).toBe(1);
  });
});
