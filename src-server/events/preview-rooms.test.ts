import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  accessToken,
  addPerson,
  addPlaylist,
  addProject,
  bearer,
  connected,
  delay,
  eventsClient,
  nextEvent,
  startStreamServer,
  type StreamFixture,
} from './stream-test-fixture';

let fixture: StreamFixture;
let alice: string;
let bob: string;
let outsider: string;
let playlistId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  fixture = await startStreamServer();
  alice = addPerson(fixture.db, 'supervisor');
  bob = addPerson(fixture.db, 'user');
  outsider = addPerson(fixture.db, 'user');
  playlistId = addPlaylist(fixture.db, addProject(fixture.db, [alice, bob]));
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(() => fixture.close());

async function connect(personId: string): Promise<Socket> {
  const socket = eventsClient(fixture.origin, bearer(accessToken(fixture.context, personId)));
  sockets.push(socket);
  return connected(socket);
}

/** Collects every event a socket receives. */
function record(socket: Socket): [string, unknown][] {
  const seen: [string, unknown][] = [];
  socket.onAny((name: string, payload: unknown) => seen.push([name, payload]));
  return seen;
}

describe('preview rooms', () => {
  it('shares presence, playback state and annotations within a playlist room', async () => {
    const a = await connect(alice);
    const b = await connect(bob);

    const aliceOpened = nextEvent(a, 'preview-room:room-people-updated');
    a.emit('preview-room:open-playlist', { playlist_id: playlistId });
    expect(await aliceOpened).toEqual([{ people: [], playlist_id: playlistId, id: playlistId }]);
    const bobOpened = nextEvent(b, 'preview-room:room-people-updated');
    b.emit('preview-room:open-playlist', { playlist_id: playlistId });
    await bobOpened;

    const people = nextEvent(b, 'preview-room:room-people-updated');
    const state = nextEvent(b, 'preview-room:room-updated');
    a.emit('preview-room:join', { playlist_id: playlistId, is_playing: true, current_frame: 12 });
    expect(await people).toEqual([{ people: [alice], playlist_id: playlistId, id: playlistId }]);
    expect((await state)[0]).toMatchObject({
      playlist_id: playlistId,
      people: [alice],
      is_playing: true,
      current_frame: 12,
      comparing: { enable: false, mode: 'sidebyside' },
    });

    const update = nextEvent(b, 'preview-room:room-updated');
    a.emit('preview-room:room-updated', { playlist_id: playlistId, speed: 2, current_frame: 40 });
    expect((await update)[0]).toMatchObject({ only_newcomer: false, speed: 2, current_frame: 40 });

    const annotation = { playlist_id: playlistId, annotation: { time: 1, drawing: [] } };
    const relayed = nextEvent(b, 'preview-room:add-annotation');
    a.emit('preview-room:add-annotation', annotation);
    expect(await relayed).toEqual([annotation]);

    const left = nextEvent(b, 'preview-room:room-people-updated');
    a.disconnect();
    expect(await left).toEqual([{ people: [], playlist_id: playlistId, id: playlistId }]);
  });

  it('keeps people without access to the project out of the room', async () => {
    const a = await connect(alice);
    const opened = nextEvent(a, 'preview-room:room-people-updated');
    a.emit('preview-room:open-playlist', { playlist_id: playlistId });
    await opened;
    const seenByAlice = record(a);

    const intruder = await connect(outsider);
    const seenByIntruder = record(intruder);
    intruder.emit('preview-room:open-playlist', { playlist_id: playlistId });
    intruder.emit('preview-room:join', { playlist_id: playlistId });
    intruder.emit('preview-room:add-annotation', { playlist_id: playlistId });
    intruder.emit('preview-room:room-updated', { playlist_id: playlistId });
    await delay(200);
    expect(seenByAlice).toEqual([]);
    expect(seenByIntruder).toEqual([]);
  });
});

describe('closing the event stream', () => {
  it('drops the connections, as a stopped server would, so the HTTP server can close', async () => {
    const other = await startStreamServer();
    const person = addPerson(other.db, 'user');
    const socket = eventsClient(other.origin, bearer(accessToken(other.context, person)));
    sockets.push(socket);
    await connected(socket);
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    await other.close();
    // A dropped connection, not a disconnect packet ("io server disconnect", after which
    // clients would not reconnect). Whether the client sees a clean close or a reset depends
    // on where its transport was when the engine closed.
    expect(['transport close', 'transport error']).toContain(await gone);
  });
});
