/**
 * Frame-exact arithmetic for the player. A frame `n` is shown from `n / fps` to `(n + 1) / fps`;
 * the displayed frame is `floor(mediaTime × fps)` (with a tiny allowance, since a presentation
 * time of exactly `n / fps` may arrive as a hair less), and a step seeks to the middle of the
 * target frame so that no rounding lands on its neighbour.
 */

/** NTSC rates are rationals: 23.976 is 24000/1001, 29.97 is 30000/1001, 59.94 is 60000/1001. */
export function exactFps(fps: number): number {
  for (const nominal of [24, 30, 48, 60, 120]) {
    const ntsc = (nominal * 1000) / 1001;
    if (Math.abs(fps - ntsc) < 0.005) return ntsc;
  }
  return fps;
}

const ALLOWANCE = 1e-3;

export function frameAt(mediaTime: number, fps: number): number {
  return Math.max(0, Math.floor(mediaTime * exactFps(fps) + ALLOWANCE));
}

/** Where to seek to show frame `frame`: its middle. */
export function seekTimeOf(frame: number, fps: number): number {
  return (Math.max(0, frame) + 0.5) / exactFps(fps);
}

/** How many frames a movie of `duration` seconds holds. */
export function frameCountOf(duration: number, fps: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  return Math.max(1, Math.round(duration * exactFps(fps)));
}

/** Non-drop timecode HH:MM:SS:FF, counting frames at the nominal (whole) rate. */
export function timecodeOf(frame: number, fps: number): string {
  const base = Math.max(1, Math.round(fps));
  const frames = frame % base;
  const totalSeconds = Math.floor(frame / base);
  const seconds = totalSeconds % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  return [hours, minutes, seconds, frames].map((part) => String(part).padStart(2, '0')).join(':');
}
