import { describe, expect, it } from 'vitest';
import { exactFps, frameAt, frameCountOf, seekTimeOf, timecodeOf } from './frame-math';

describe('frame math', () => {
  it('reads NTSC rates as rationals', () => {
    expect(exactFps(23.976)).toBe(24000 / 1001);
    expect(exactFps(29.97)).toBe(30000 / 1001);
    expect(exactFps(59.94)).toBe(60000 / 1001);
    expect(exactFps(24)).toBe(24);
    expect(exactFps(25)).toBe(25);
  });

  it('lands on the frame a presentation time starts, even a hair early', () => {
    for (const fps of [24, 25, 23.976, 29.97]) {
      const exact = exactFps(fps);
      for (let frame = 0; frame < 2000; frame += 37) {
        const start = frame / exact;
        expect(frameAt(start, fps)).toBe(frame);
        expect(frameAt(start - 1e-9, fps)).toBe(frame);
        expect(frameAt(start + 0.5 / exact, fps)).toBe(frame);
        expect(frameAt((frame + 1) / exact - 1e-2 / exact, fps)).toBe(frame);
      }
    }
  });

  it('seeks to the middle of a frame, which reads back as that frame', () => {
    for (const fps of [24, 23.976]) {
      for (let frame = 0; frame < 100_000; frame += 997) {
        expect(frameAt(seekTimeOf(frame, fps), fps)).toBe(frame);
      }
    }
  });

  it('counts frames and writes timecodes at the nominal rate', () => {
    expect(frameCountOf(2, 24)).toBe(48);
    expect(frameCountOf(48 / (24000 / 1001), 23.976)).toBe(48);
    expect(frameCountOf(Number.NaN, 24)).toBe(0);
    expect(timecodeOf(0, 24)).toBe('00:00:00:00');
    expect(timecodeOf(47, 24)).toBe('00:00:01:23');
    expect(timecodeOf(24 * 3661 + 5, 24)).toBe('01:01:01:05');
    expect(timecodeOf(24, 23.976)).toBe('00:00:01:00');
    expect(timecodeOf(30, 29.97)).toBe('00:00:01:00');
  });
});
