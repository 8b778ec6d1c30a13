import { useEffect, useRef } from 'react';
// The core build: no HLS/DASH engine, whose workers the CSP refuses (we play MP4 only).
import videojs from 'video.js/core';
import 'video.js/dist/video-js.css';

type VideoJsPlayer = ReturnType<typeof videojs>;

/**
 * A movie through video.js, without its controls (the player draws its own): the `<video>`
 * it plays in is handed to `onVideo` once ready, for frame-exact control.
 */
export function FrameVideo({
  src,
  onVideo,
  label,
}: {
  src: string;
  onVideo(video: HTMLVideoElement | null): void;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const player = useRef<VideoJsPlayer | null>(null);
  const report = useRef(onVideo);
  report.current = onVideo;

  useEffect(() => {
    const element = document.createElement('video');
    element.className = 'video-js vjs-fill';
    element.setAttribute('playsinline', '');
    element.setAttribute('aria-label', label);
    host.current?.appendChild(element);
    const instance = videojs(element, {
      controls: false,
      preload: 'auto',
      bigPlayButton: false,
      loadingSpinner: true,
      errorDisplay: false,
      textTrackDisplay: false,
      textTrackSettings: false,
      posterImage: false,
      userActions: { click: false, doubleClick: false, hotkeys: false },
    });
    player.current = instance;
    instance.ready(() => report.current(instance.el().querySelector('video')));
    return () => {
      report.current(null);
      instance.dispose();
      player.current = null;
    };
    // One video.js player per mounted component; the source changes below.
  }, []);

  useEffect(() => {
    player.current?.src({ src, type: 'video/mp4' });
  }, [src]);

  return <div ref={host} style={{ position: 'absolute', inset: 0 }} data-testid="frame-video" />;
}
