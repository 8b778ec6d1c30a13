import type { Namespace, Socket } from 'socket.io';
import type { PersonRow } from '../auth/person-row';
import type { ServerContext } from '../context';
import { Access } from '../permissions/access';
import { emptyRoom, updatePlayingStatus, type Room } from './preview-room-state';

type Payload = Record<string, unknown>;

/** Events only relayed to the room named by their `playlist_id`. */
const RELAYED_EVENTS = [
  'preview-room:add-annotation',
  'preview-room:remove-annotation',
  'preview-room:update-annotation',
  'preview-room:change-version',
  'preview-room:panzoom-changed',
  'preview-room:comparison-panzoom-changed',
];

/**
 * The collaborative review rooms of Zou's event stream: one socket.io room per playlist,
 * with in-memory presence and playback state (a single process, as Zou requires too).
 * Zou lets any connected user write to any room; here a socket must have access to the
 * playlist's project before it updates a room or relays to it.
 */
export function registerPreviewRooms(events: Namespace, context: ServerContext): void {
  const rooms = new Map<string, Room>();
  const userRooms = new Map<string, Set<string>>();

  const emitPeople = (roomId: string, people: string[]): void => {
    events
      .to(roomId)
      .emit('preview-room:room-people-updated', { people, playlist_id: roomId, id: roomId });
  };

  const leaveRoom = (roomId: string, userId: string): void => {
    const room = rooms.get(roomId) ?? emptyRoom();
    room.people = room.people.filter((person) => person !== userId);
    const indexed = userRooms.get(userId);
    indexed?.delete(roomId);
    if (indexed?.size === 0) userRooms.delete(userId);
    if (room.people.length > 0) rooms.set(roomId, room);
    else rooms.delete(roomId);
    emitPeople(roomId, room.people);
  };

  events.on('connection', (socket: Socket) => {
    const person = (socket.data as { person: PersonRow }).person;
    const userId = person.id;
    const allowedRooms = new Set<string>();
    const mayUse = (roomId: string): boolean => {
      if (allowedRooms.has(roomId)) return true;
      const allowed = hasPlaylistAccess(context, person, roomId);
      if (allowed) allowedRooms.add(roomId);
      return allowed;
    };
    const on = (name: string, fallbackRoom: string, handle: (data: Payload, id: string) => void) =>
      socket.on(name, (data: unknown) => {
        if (!isPayload(data)) return;
        const roomId = roomIdOf(data, fallbackRoom);
        if (roomId !== null) handle(data, roomId);
      });

    on('preview-room:open-playlist', '0', (_data, roomId) => {
      if (!mayUse(roomId)) return;
      const room = rooms.get(roomId) ?? emptyRoom();
      rooms.set(roomId, room);
      void socket.join(roomId);
      emitPeople(roomId, room.people);
    });

    on('preview-room:close-playlist', '0', (_data, roomId) => {
      void socket.leave(roomId);
    });

    on('preview-room:join', '0', (data, roomId) => {
      if (!mayUse(roomId)) return;
      const room = rooms.get(roomId) ?? emptyRoom();
      if (room.people.length === 0) updatePlayingStatus(data, room);
      if (!room.people.includes(userId)) room.people.push(userId);
      room.playlist_id = roomId;
      rooms.set(roomId, room);
      let indexed = userRooms.get(userId);
      if (!indexed) userRooms.set(userId, (indexed = new Set()));
      indexed.add(roomId);
      emitPeople(roomId, room.people);
      events.to(roomId).emit('preview-room:room-updated', room);
    });

    on('preview-room:leave', '', (_data, roomId) => leaveRoom(roomId, userId));

    on('preview-room:room-updated', '0', (data, roomId) => {
      if (!mayUse(roomId)) return;
      const room = updatePlayingStatus(data, rooms.get(roomId) ?? emptyRoom());
      rooms.set(roomId, room);
      events.to(roomId).emit('preview-room:room-updated', { only_newcomer: false, ...room });
    });

    for (const name of RELAYED_EVENTS) {
      on(name, '', (data, roomId) => {
        if (mayUse(roomId)) events.to(roomId).emit(name, data);
      });
    }

    // Zou indexes rooms by user, so one of a person's connections leaving clears them all.
    socket.on('disconnect', () => {
      for (const roomId of [...(userRooms.get(userId) ?? [])]) leaveRoom(roomId, userId);
    });
  });
}

function isPayload(data: unknown): data is Payload {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** `data.get("playlist_id", fallback)`; a room name must be a string. */
function roomIdOf(data: Payload, fallback: string): string | null {
  if (!Object.hasOwn(data, 'playlist_id')) return fallback;
  return typeof data.playlist_id === 'string' ? data.playlist_id : null;
}

/** `_check_room_access`: the playlist exists and the person has access to its project. */
function hasPlaylistAccess(context: ServerContext, person: PersonRow, playlistId: string): boolean {
  const playlist = context.db
    .prepare('SELECT project_id FROM playlist WHERE id = ?')
    .get(playlistId) as { project_id: string | null } | undefined;
  if (!playlist) return false;
  const access = new Access(context.db, person);
  return playlist.project_id ? access.hasProjectAccess(playlist.project_id) : access.isAdmin;
}
