import type { ReactNode } from 'react';

// The app's few outline icons (it has no icon set), drawn in the text colour.

export interface IconProps {
  /** By default the size of the text around the icon. */
  size?: number | string;
}

function OutlineIcon({ size = '1em', children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable={false}
    >
      {children}
    </svg>
  );
}

export function ThumbUpIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M7 11v9H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
      <path d="M7 11l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 18.3 21H7" />
    </OutlineIcon>
  );
}

export function PaperclipIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7L10 17.7a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9" />
    </OutlineIcon>
  );
}

export function ReplyIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </OutlineIcon>
  );
}

export function ChecklistIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M3.5 6.5l1.5 1.5 3-3M3.5 13.5l1.5 1.5 3-3M11 7h10M11 14h10M11 20h10" />
    </OutlineIcon>
  );
}

// Transport controls of the preview player.

export function FirstFrameIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M6 5v14M18 5 9 12l9 7z" />
    </OutlineIcon>
  );
}

export function PreviousFrameIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M15 5 8 12l7 7" />
    </OutlineIcon>
  );
}

export function PlayIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M7 5v14l12-7z" />
    </OutlineIcon>
  );
}

export function PauseIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M8 5v14M16 5v14" />
    </OutlineIcon>
  );
}

export function NextFrameIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="m9 5 7 7-7 7" />
    </OutlineIcon>
  );
}

export function LastFrameIcon(props: IconProps) {
  return (
    <OutlineIcon {...props}>
      <path d="M18 5v14M6 5l9 7-9 7z" />
    </OutlineIcon>
  );
}
