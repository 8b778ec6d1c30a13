import { ActionIcon, Group, Select, Switch, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  FirstFrameIcon,
  LastFrameIcon,
  NextFrameIcon,
  PauseIcon,
  PlayIcon,
  PreviousFrameIcon,
} from '../../components/icons';
import { timecodeOf } from './frame-math';
import type { FramePlayer } from './use-frame-player';

const RATES = ['0.25', '0.5', '1', '1.5', '2'];

/** Play, step, jump, loop and speed for a movie; the frame and its timecode at the project's fps. */
export function MovieControls({ player, fps }: { player: FramePlayer; fps: number }) {
  const last = Math.max(0, player.frameCount - 1);
  const button = (label: string, glyph: ReactNode, onClick: () => void, testId: string) => (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="md"
        onClick={onClick}
        disabled={!player.ready}
        aria-label={label}
        data-testid={testId}
      >
        {glyph}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="movie-controls">
      <Group gap={4} wrap="nowrap">
        {button(
          'First frame (Home)',
          <FirstFrameIcon />,
          () => player.seekFrame(0),
          'player-first',
        )}
        {button('Previous frame (←)', <PreviousFrameIcon />, () => player.step(-1), 'player-back')}
        {button(
          player.playing ? 'Pause (Space)' : 'Play (Space)',
          player.playing ? <PauseIcon /> : <PlayIcon />,
          player.toggle,
          'player-play',
        )}
        {button('Next frame (→)', <NextFrameIcon />, () => player.step(1), 'player-forward')}
        {button('Last frame (End)', <LastFrameIcon />, () => player.seekFrame(last), 'player-last')}
      </Group>
      <Text
        size="sm"
        ff="monospace"
        data-testid="player-frame"
        data-frame={player.frame}
        title="Frame and timecode at the project's frame rate"
      >
        {player.frame + 1} / {player.frameCount || '…'} · {timecodeOf(player.frame, fps)}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Switch
          size="xs"
          label="Loop"
          checked={player.loop}
          onChange={(event) => player.setLoop(event.currentTarget.checked)}
          data-testid="player-loop"
        />
        <Select
          size="xs"
          w={80}
          aria-label="Speed"
          data={RATES.map((rate) => ({ value: rate, label: `${rate}×` }))}
          value={String(player.rate)}
          onChange={(value) => value && player.setRate(Number(value))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="player-speed"
        />
      </Group>
    </Group>
  );
}
