import { useCallback, useEffect, useRef, useState } from 'react';
import { frameAt, frameCountOf, seekTimeOf } from './frame-math';

export interface FramePlayer {
  /** The frame on screen, from the frame callback's media time (not `currentTime`). */
  frame: number;
  frameCount: number;
  playing: boolean;
  loop: boolean;
  rate: number;
  ready: boolean;
  error: string | null;
  toggle(): void;
  pause(): void;
  play(): void;
  step(delta: number): void;
  seekFrame(frame: number): void;
  setLoop(loop: boolean): void;
  setRate(rate: number): void;
}

/**
 * Frame-exact control of a `<video>`: the displayed frame is read from
 * `requestVideoFrameCallback`, steps and jumps seek to the middle of the target frame.
 */
export function useFramePlayer(video: HTMLVideoElement | null, fps: number): FramePlayer {
  const [frame, setFrame] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoopState] = useState(false);
  const [rate, setRateState] = useState(1);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The frame asked for by a step: steps in a row count from it, not from a seek in flight.
  const target = useRef<number | null>(null);

  useEffect(() => {
    if (!video) return;
    let handle = 0;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      // Playing, the presented frame's media time is the truth. Paused after a seek, the seek's
      // time is: a callback may still carry the frame composited before it.
      const paused = video.paused && !video.seeking;
      const shown = frameAt(paused ? video.currentTime : meta.mediaTime, fps);
      setFrame(shown);
      if (target.current === shown) target.current = null;
      handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
    const sync = () => {
      setPlaying(!video.paused);
      if (Number.isFinite(video.duration)) setDuration(video.duration);
    };
    const loaded = () => {
      sync();
      setReady(true);
      setError(null);
    };
    // A paused seek lands in the middle of its frame; Chromium does not always present it
    // through the frame callback (nothing composited), so the seek's own time says it too.
    const seeked = () => {
      if (!video.paused) return;
      const shown = frameAt(video.currentTime, fps);
      setFrame(shown);
      if (target.current === shown) target.current = null;
    };
    const failed = () => setError(video.error?.message || 'This movie cannot be played here.');
    const events = ['play', 'pause', 'durationchange', 'ended'] as const;
    for (const name of events) video.addEventListener(name, sync);
    video.addEventListener('loadeddata', loaded);
    video.addEventListener('seeked', seeked);
    video.addEventListener('error', failed);
    if (video.readyState >= 2) loaded();
    return () => {
      video.cancelVideoFrameCallback(handle);
      for (const name of events) video.removeEventListener(name, sync);
      video.removeEventListener('loadeddata', loaded);
      video.removeEventListener('seeked', seeked);
      video.removeEventListener('error', failed);
    };
  }, [video, fps]);

  const frameCount = frameCountOf(duration, fps);
  const seekFrame = useCallback(
    (wanted: number) => {
      if (!video) return;
      const last = Math.max(0, frameCountOf(video.duration, fps) - 1);
      const next = Math.min(Math.max(0, wanted), last);
      video.pause();
      target.current = next;
      video.currentTime = seekTimeOf(next, fps);
    },
    [video, fps],
  );

  return {
    frame,
    frameCount,
    playing,
    loop,
    rate,
    ready,
    error,
    toggle: () => (video?.paused ? void video.play() : video?.pause()),
    play: () => void video?.play(),
    pause: () => video?.pause(),
    step: (delta) => seekFrame((target.current ?? frame) + delta),
    seekFrame,
    setLoop: (next) => {
      if (video) video.loop = next;
      setLoopState(next);
    },
    setRate: (next) => {
      if (video) video.playbackRate = next;
      setRateState(next);
    },
  };
}
