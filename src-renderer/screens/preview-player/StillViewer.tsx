import { ActionIcon, Box, Button, Group, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import {
  actualSizeView,
  fitView,
  panView,
  wheelZoomFactor,
  zoomView,
  ZOOM_STEP,
  type ImageView,
  type Size,
} from './image-view';

/**
 * A picture preview: fitted at first; the wheel zooms about the point under the pointer, +/−
 * about the centre; dragging pans; Fit (0, or a double click) and 1:1 (1). Kitsu's picture is
 * reduced: zoomed past its pixels, or at 1:1, the full-size original takes its place.
 */
export function StillViewer({
  src,
  original,
  label,
}: {
  src: string;
  /** The full-size picture; loaded only when the zoom needs it. */
  original: string | null;
  label: string;
}) {
  const { ref: sizeRef, width, height } = useElementSize<HTMLDivElement>();
  const viewport = useRef<HTMLDivElement>(null);
  const mergedRef = useMergedRef(sizeRef, viewport);
  const [natural, setNatural] = useState<Size | null>(null);
  const [shown, setShown] = useState<'picture' | 'original'>('picture');
  // Null while fitted: the fit follows the viewport's size.
  const [view, setView] = useState<ImageView | null>(null);
  const current = view ?? (natural ? fitView(natural, { width, height }) : actualSizeView());
  const currentRef = useRef(current);
  currentRef.current = current;
  // Where the drag began, and the view then: each move pans from there, so that moves
  // arriving between two renders lose nothing.
  const drag = useRef<{ pointerId: number; x: number; y: number; from: ImageView } | null>(null);
  const [dragging, setDragging] = useState(false);
  const actualSizeAsked = useRef(false);

  const wantsOriginal =
    original !== null && shown === 'picture' && view !== null && view.scale >= 1;
  useEffect(() => {
    if (!wantsOriginal || !original) return;
    const full = new Image();
    full.onload = () => {
      const reduced = natural;
      setNatural({ width: full.naturalWidth, height: full.naturalHeight });
      setShown('original');
      // The same size on screen, now in the original's pixels (or 1:1 of them, if asked).
      setView((before) =>
        actualSizeAsked.current
          ? actualSizeView()
          : before && reduced
            ? { ...before, scale: (before.scale * reduced.width) / full.naturalWidth }
            : before,
      );
    };
    // Offline, or refused: the reduced picture stays.
    full.src = original;
    return () => {
      full.onload = null;
    };
  }, [wantsOriginal, original, natural]);

  // React's wheel listener is passive: the panel would scroll under the zoom.
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const bounds = element.getBoundingClientRect();
      const anchor = {
        x: event.clientX - bounds.left - bounds.width / 2,
        y: event.clientY - bounds.top - bounds.height / 2,
      };
      actualSizeAsked.current = false;
      // From the latest view: wheel events may come faster than renders.
      setView((view) =>
        zoomView(view ?? currentRef.current, wheelZoomFactor(event.deltaY), anchor),
      );
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const change = (next: ImageView | null) => {
    actualSizeAsked.current = false;
    setView(next);
  };
  const zoomBy = (factor: number) => {
    actualSizeAsked.current = false;
    setView((view) => zoomView(view ?? currentRef.current, factor));
  };
  const zoomIn = () => zoomBy(ZOOM_STEP);
  const zoomOut = () => zoomBy(1 / ZOOM_STEP);
  const fit = () => change(null);
  const actualSize = () => {
    change(actualSizeView());
    actualSizeAsked.current = true;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      from: currentRef.current,
    };
    setDragging(true);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId) return;
    change(panView(start.from, event.clientX - start.x, event.clientY - start.y));
  };
  const endDrag = () => {
    drag.current = null;
    setDragging(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      '+': zoomIn,
      '=': zoomIn,
      '-': zoomOut,
      '0': fit,
      '1': actualSize,
    };
    const action = keys[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  return (
    <>
      <Box
        ref={mergedRef}
        pos="absolute"
        inset={0}
        tabIndex={0}
        aria-label={`${label}: wheel or + and − zoom, drag pans, 0 fits, 1 shows 1:1`}
        style={{ overflow: 'hidden', cursor: dragging ? 'grabbing' : 'grab', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={fit}
        onKeyDown={onKeyDown}
        data-testid="still-viewer"
        data-zoom={view === null ? 'fit' : current.scale.toFixed(4)}
        data-x={current.x.toFixed(1)}
        data-y={current.y.toFixed(1)}
      >
        <img
          src={shown === 'original' && original ? original : src}
          alt={label}
          draggable={false}
          onLoad={(event) =>
            setNatural({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            })
          }
          data-source={shown}
          style={{
            position: 'absolute',
            left: natural ? (width - natural.width) / 2 : 0,
            top: natural ? (height - natural.height) / 2 : 0,
            width: natural?.width,
            height: natural?.height,
            maxWidth: 'none',
            visibility: natural ? 'visible' : 'hidden',
            transform: `translate(${current.x}px, ${current.y}px) scale(${current.scale})`,
            transformOrigin: 'center',
            // Zoomed in, an artist wants to see the pixels, not a blur of them.
            imageRendering: current.scale >= 2 ? 'pixelated' : 'auto',
          }}
        />
      </Box>
      <Group
        gap={4}
        pos="absolute"
        bottom={8}
        right={8}
        p={4}
        bg="rgba(0, 0, 0, 0.6)"
        style={{ borderRadius: 6 }}
        data-testid="still-controls"
      >
        <ActionIcon variant="subtle" color="gray" size="sm" onClick={zoomOut} aria-label="Zoom out">
          −
        </ActionIcon>
        <Text size="xs" w={48} ta="center" data-testid="still-zoom">
          {`${Math.round(current.scale * 100)}%`}
        </Text>
        <ActionIcon variant="subtle" color="gray" size="sm" onClick={zoomIn} aria-label="Zoom in">
          +
        </ActionIcon>
        {/* The way the picture is shown now stands out. */}
        <Button
          variant={view === null ? 'light' : 'subtle'}
          color="gray"
          size="compact-xs"
          onClick={fit}
          aria-pressed={view === null}
          data-testid="still-fit"
        >
          Fit
        </Button>
        <Button
          variant={view !== null && view.scale === 1 ? 'light' : 'subtle'}
          color="gray"
          size="compact-xs"
          onClick={actualSize}
          aria-pressed={view !== null && view.scale === 1}
          data-testid="still-actual-size"
        >
          1:1
        </Button>
      </Group>
    </>
  );
}
