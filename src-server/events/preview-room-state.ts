/** The playback state Zou keeps per review room and sends with `preview-room:room-updated`. */
export interface Room {
  playlist_id: unknown;
  user_id: unknown;
  local_id: unknown;
  people: string[];
  is_playing: unknown;
  current_entity_id: unknown;
  current_entity_index: unknown;
  current_preview_file_id: unknown;
  current_preview_file_index: unknown;
  current_frame: unknown;
  is_repeating: unknown;
  is_annotations_displayed: unknown;
  is_zoom_enabled: unknown;
  is_waveform_displayed: unknown;
  is_laser_mode: unknown;
  handle_in: unknown;
  handle_out: unknown;
  speed: unknown;
  comparing: Record<string, unknown>;
}

const COMPARING_FIELDS = new Set([
  'enable',
  'task_type',
  'revision',
  'mode',
  'comparison_preview_index',
]);

export function emptyRoom(): Room {
  return {
    playlist_id: null,
    user_id: null,
    local_id: null,
    people: [],
    is_playing: false,
    current_entity_id: null,
    current_entity_index: null,
    current_preview_file_id: null,
    current_preview_file_index: null,
    current_frame: 0,
    is_repeating: null,
    is_annotations_displayed: false,
    is_zoom_enabled: false,
    is_waveform_displayed: false,
    is_laser_mode: null,
    handle_in: null,
    handle_out: null,
    speed: null,
    comparing: {
      enable: false,
      task_type: null,
      revision: null,
      mode: 'sidebyside',
      comparison_preview_index: 0,
    },
  };
}

/** `_update_room_playing_status`: copies the sender's playback state into the room. */
export function updatePlayingStatus(data: Record<string, unknown>, room: Room): Room {
  const get = (key: string, fallback: unknown): unknown =>
    Object.hasOwn(data, key) ? data[key] : fallback;
  room.playlist_id = get('playlist_id', '');
  room.user_id = get('user_id', null);
  room.local_id = get('local_id', null);
  room.is_playing = get('is_playing', false);
  room.is_repeating = get('is_repeating', null);
  room.is_laser_mode = get('is_laser_mode', null);
  room.is_annotations_displayed = get('is_annotations_displayed', false);
  room.is_zoom_enabled = get('is_zoom_enabled', false);
  room.is_waveform_displayed = get('is_waveform_displayed', false);
  room.current_entity_id = get('current_entity_id', null);
  room.current_entity_index = get('current_entity_index', null);
  room.current_preview_file_id = get('current_preview_file_id', null);
  room.current_preview_file_index = get('current_preview_file_index', null);
  room.handle_in = get('handle_in', null);
  room.handle_out = get('handle_out', null);
  if (Object.hasOwn(data, 'current_frame')) room.current_frame = data.current_frame;
  const comparing = data.comparing;
  if (typeof comparing === 'object' && comparing !== null && !Array.isArray(comparing)) {
    room.comparing = Object.fromEntries(
      Object.entries(comparing).filter(([key]) => COMPARING_FIELDS.has(key)),
    );
  }
  if (typeof data.speed === 'number') room.speed = data.speed;
  return room;
}
