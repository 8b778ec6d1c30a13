import { Button, Group, Text } from '@mantine/core';
import { useRef, useState, type PointerEvent, type WheelEvent } from 'react';

const ZOOM_MIN = 0.1;
const ZOOM_MAX = 16;

/** A picture preview: fit by default, zoom with the wheel or +/−, pan by dragging, 1:1. */
export function StillViewer({ src, label }: { src: string; label: string }) {
  // null: fit the frame.
  const [zoom, setZoom] = useState<number | null>(null);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const image = useRef<HTMLImageElement>(null);

  const fittedScale = () => {
    const img = image.current;
    const frame = img?.parentElement;
    if (!img || !frame || !img.naturalWidth) return 1;
    return Math.min(frame.clientWidth / img.naturalWidth, frame.clientHeight / img.naturalHeight);
  };
  const zoomBy = (factor: number) =>
    setZoom((current) => clamp((current ?? fittedScale()) * factor, ZOOM_MIN, ZOOM_MAX));
  const fit = () => {
    setZoom(null);
    setOffset({ x: 0, y: 0 });
  };

  const onWheel = (event: WheelEvent) => zoomBy(event.deltaY < 0 ? 1.15 : 1 / 1.15);
  const onPointerDown = (event: PointerEvent) => {
    drag.current = { x: event.clientX - offset.x, y: event.clientY - offset.y };
    (event.target as Element).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (drag.current)
      setOffset({ x: event.clientX - drag.current.x, y: event.clientY - drag.current.y });
  };

  const scale = zoom ?? null;
  return (
    <>
      <div
        style={{ position: 'absolute', inset: 0, overflow: 'hidden', cursor: 'grab' }}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onDoubleClick={fit}
        data-testid="still-viewer"
        data-zoom={scale ?? 'fit'}
      >
        <img
          ref={image}
          src={src}
          alt={label}
          draggable={false}
          style={
            scale === null
              ? { width: '100%', height: '100%', objectFit: 'contain' }
              : {
                  position: 'absolute',
                  left: '50%',
                  top: '50%',
                  transform: `translate(calc(-50% + ${offset.x}px), calc(-50% + ${offset.y}px)) scale(${scale})`,
                  transformOrigin: 'center',
                }
          }
        />
      </div>
      <Group gap={4} pos="absolute" bottom={8} right={8} data-testid="still-controls">
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => zoomBy(1 / 1.25)}
          aria-label="Zoom out"
        >
          −
        </Button>
        <Text size="xs" w={48} ta="center" data-testid="still-zoom">
          {scale === null ? 'Fit' : `${Math.round(scale * 100)}%`}
        </Text>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => zoomBy(1.25)}
          aria-label="Zoom in"
        >
          +
        </Button>
        <Button size="compact-xs" variant="default" onClick={fit}>
          Fit
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => {
            setZoom(1);
            setOffset({ x: 0, y: 0 });
          }}
        >
          1:1
        </Button>
      </Group>
    </>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
