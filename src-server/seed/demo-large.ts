import type { Db } from '../db/database';
import { newId } from '../db/ids';
import type { ForEntity, TaskTypeDef } from './base-data';
import { DEMO_ARTIST_EMAIL } from './demo-accounts';
import { DEMO_PROJECT, FIRST_FRAME } from './demo-catalog';
import { OPEN_STATES, type TaskState } from './demo-history';
import { linkProjectTaskTypes } from './demo-project';
import {
  ADMIN_EMAIL,
  pipelineStates,
  writeEntityTasks,
  type PlannedTask,
  type TaskWriteContext,
} from './demo-tasks';
import type { Random } from './random';

export const LARGE_OPEN_TASKS_FOR_ARTIST = 5000;
const LARGE_DONE_TASKS_FOR_ARTIST = 1500;
const ENTITIES_PER_TRANSACTION = 1500;

// A studio's own task types on top of Zou's, so that every asset and shot carries about ten
// tasks like a feature pipeline does.
const EXTRA_TASK_TYPES: readonly TaskTypeDef[] = [
  { name: 'Sculpting', color: '#A1887F', priority: 5, forEntity: 'Asset', department: 'Modeling' },
  { name: 'Retopology', color: '#90A4AE', priority: 6, forEntity: 'Asset', department: 'Modeling' },
  { name: 'UV Layout', color: '#B0BEC5', priority: 7, forEntity: 'Asset', department: 'Modeling' },
  { name: 'Texturing', color: '#4FC3F7', priority: 8, forEntity: 'Asset', department: 'Modeling' },
  { name: 'Grooming', color: '#FFB74D', priority: 9, forEntity: 'Asset', department: 'Modeling' },
  {
    name: 'Cloth Setup',
    color: '#AED581',
    priority: 10,
    forEntity: 'Asset',
    department: 'Animation',
  },
  {
    name: 'Lookdev',
    color: '#F48FB1',
    priority: 11,
    forEntity: 'Asset',
    department: 'Compositing',
  },
  { name: 'Matchmove', color: '#5C6BC0', priority: 9, forEntity: 'Shot', department: 'Layout' },
  { name: 'Crowd', color: '#26A69A', priority: 10, forEntity: 'Shot', department: 'Animation' },
  { name: 'Simulation', color: '#4DD0E1', priority: 11, forEntity: 'Shot', department: 'FX' },
];

interface PipelineStep {
  name: string;
  forEntity: ForEntity;
  department: string;
  artist: string;
}

const NORA = 'nora.quinn@example.com';
const MIA = 'mia.chen@example.com';
const LEO = 'leo.martins@example.com';
const SOFIA = 'sofia.alvarez@example.com';
const RAVI = 'ravi.patel@example.com';

const step = (name: string, forEntity: ForEntity, department: string, artist: string) => ({
  name,
  forEntity,
  department,
  artist,
});

const ASSET_PIPELINE: readonly PipelineStep[] = [
  step('Concept', 'Asset', 'Concept', NORA),
  step('Sculpting', 'Asset', 'Modeling', MIA),
  step('Modeling', 'Asset', 'Modeling', MIA),
  step('Retopology', 'Asset', 'Modeling', MIA),
  step('UV Layout', 'Asset', 'Modeling', MIA),
  step('Texturing', 'Asset', 'Modeling', MIA),
  step('Shading', 'Asset', 'Modeling', MIA),
  step('Grooming', 'Asset', 'Modeling', MIA),
  step('Rigging', 'Asset', 'Animation', LEO),
  step('Cloth Setup', 'Asset', 'Animation', LEO),
  step('Lookdev', 'Asset', 'Compositing', SOFIA),
];

const SHOT_PIPELINE: readonly PipelineStep[] = [
  step('Storyboard', 'Shot', 'Concept', NORA),
  step('Layout', 'Shot', 'Layout', LEO),
  step('Matchmove', 'Shot', 'Layout', LEO),
  step('Animation', 'Shot', 'Animation', LEO),
  step('Crowd', 'Shot', 'Animation', LEO),
  step('Simulation', 'Shot', 'FX', RAVI),
  step('FX', 'Shot', 'FX', RAVI),
  step('Lighting', 'Shot', 'Compositing', SOFIA),
  step('Rendering', 'Shot', 'Compositing', SOFIA),
  step('Compositing', 'Shot', 'Compositing', SOFIA),
];

const ARTIST_STEPS = new Set(['Layout', 'Matchmove', 'Animation', 'Crowd']);

const ASSET_COUNTS = { Character: 1000, Prop: 2000, Environment: 1000, FX: 1000 };
const ASSET_NOUNS: Record<keyof typeof ASSET_COUNTS, string[]> = {
  Character: ['Villager', 'Sailor', 'Fisherman', 'Dockhand', 'Merchant', 'Gull', 'Child', 'Crab'],
  Prop: ['Crate', 'Barrel', 'Lantern', 'Buoy', 'Oar', 'Anchor', 'Bottle', 'Chair', 'Sign'],
  Environment: ['Cove', 'Pier', 'Street', 'Cliff', 'Beach', 'Market', 'Warehouse', 'Boathouse'],
  FX: ['Splash', 'Smoke', 'Embers', 'Drizzle', 'Mist', 'Ripple', 'Foam', 'Dust'],
};
const SEQUENCE_COUNT = 40;
const SHOTS_PER_SEQUENCE = 50;

const ASSET_STAGE_WEIGHTS = Object.fromEntries(
  Array.from({ length: ASSET_PIPELINE.length + 1 }, (_, stage) => [String(stage), 1]),
);
const SHOT_STAGE_WEIGHTS = {
  '0': 25,
  '1': 20,
  '2': 15,
  '3': 15,
  '4': 10,
  '5': 4,
  '6': 3,
  '7': 3,
  '8': 2,
  '9': 2,
  '10': 1,
};
const ACTIVE_WEIGHTS: Record<TaskState, number> = {
  todo: 1,
  ready: 1,
  wip: 3,
  wfa: 2,
  retake: 1.5,
  done: 0,
};

/** One entity's tasks in pipeline order. */
type EntityTasks = PlannedTask[];

/**
 * Benchmark volume on top of the standard demo: 5,000 assets and 2,000 shots of about ten
 * tasks each, and exactly 5,000 open tasks for the OS-user artist.
 */
export function seedLargeProduction(db: Db, context: TaskWriteContext): void {
  const entities = db.transaction(() => {
    createExtraTaskTypes(db, context);
    linkProjectTaskTypes(
      db,
      context.projectId,
      [...ASSET_PIPELINE, ...SHOT_PIPELINE].map((item) =>
        context.base.taskType(item.name, item.forEntity),
      ),
      context.createdAt,
    );
    return [...planAssets(context), ...planShots(db, context)];
  })();
  assignArtist(
    entities.flat(),
    LARGE_OPEN_TASKS_FOR_ARTIST - openTasksOf(db, context, DEMO_ARTIST_EMAIL),
  );
  const write = db.transaction((chunk: EntityTasks[]) => {
    for (const tasks of chunk) writeEntityTasks(context, tasks);
  });
  for (let start = 0; start < entities.length; start += ENTITIES_PER_TRANSACTION) {
    write(entities.slice(start, start + ENTITIES_PER_TRANSACTION));
  }
}

function createExtraTaskTypes(db: Db, context: TaskWriteContext): void {
  const find = db.prepare('SELECT id FROM task_type WHERE name = ? AND for_entity = ?');
  const insert = db.prepare(
    `INSERT INTO task_type (id, created_at, updated_at, name, short_name, color, priority,
       for_entity, allow_timelog, archived, department_id)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, 1, 0, ?)`,
  );
  for (const type of EXTRA_TASK_TYPES) {
    if (find.get(type.name, type.forEntity)) continue;
    insert.run(
      newId(),
      context.createdAt,
      context.createdAt,
      type.name,
      type.color,
      type.priority,
      type.forEntity,
      context.base.department(type.department),
    );
  }
}

function planAssets(context: TaskWriteContext): EntityTasks[] {
  const { random, writer, base } = context;
  const adminId = context.personIds.get(ADMIN_EMAIL) as string;
  const entities: EntityTasks[] = [];
  for (const [typeName, count] of Object.entries(ASSET_COUNTS)) {
    const nouns = ASSET_NOUNS[typeName as keyof typeof ASSET_COUNTS];
    for (let index = 1; index <= count; index += 1) {
      const entityId = writer.entity({
        projectId: context.projectId,
        entityTypeId: base.entityType(typeName),
        name: `${random.pick(nouns)} ${String(index).padStart(4, '0')}`,
        description: null,
        parentId: null,
        data: {},
        nbFrames: null,
        createdAt: context.createdAt,
        createdBy: adminId,
      });
      const stage = Number(random.weighted(ASSET_STAGE_WEIGHTS));
      const states = pipelineStates(ASSET_PIPELINE.length, stage, random.weighted(ACTIVE_WEIGHTS));
      entities.push(plan(entityId, ASSET_PIPELINE, states, random));
    }
  }
  return entities;
}

function planShots(db: Db, context: TaskWriteContext): EntityTasks[] {
  const { random, writer, base } = context;
  const adminId = context.personIds.get(ADMIN_EMAIL) as string;
  const assetIds = (
    db
      .prepare(
        `SELECT e.id FROM entity e JOIN entity_type t ON t.id = e.entity_type_id
         WHERE e.project_id = ? AND t.name IN ('Character', 'Prop', 'Environment', 'FX')`,
      )
      .all(context.projectId) as { id: string }[]
  ).map((row) => row.id);
  const setCastCount = db.prepare('UPDATE entity SET nb_entities_out = ? WHERE id = ?');
  const entities: EntityTasks[] = [];
  for (let sequenceIndex = 0; sequenceIndex < SEQUENCE_COUNT; sequenceIndex += 1) {
    const sequenceId = writer.entity({
      projectId: context.projectId,
      entityTypeId: base.entityType('Sequence'),
      name: `SQ${String((sequenceIndex + 10) * 10).padStart(3, '0')}`,
      description: null,
      parentId: null,
      data: {},
      nbFrames: null,
      createdAt: context.createdAt,
      createdBy: adminId,
    });
    for (let shotIndex = 1; shotIndex <= SHOTS_PER_SEQUENCE; shotIndex += 1) {
      const nbFrames = random.int(24, 240);
      const shotId = writer.entity({
        projectId: context.projectId,
        entityTypeId: base.entityType('Shot'),
        name: `SH${String(shotIndex * 10).padStart(3, '0')}`,
        description: null,
        parentId: sequenceId,
        data: {
          frame_in: FIRST_FRAME,
          frame_out: FIRST_FRAME + nbFrames - 1,
          fps: DEMO_PROJECT.fps,
        },
        nbFrames,
        createdAt: context.createdAt,
        createdBy: adminId,
      });
      const cast = new Set(Array.from({ length: 3 }, () => random.pick(assetIds)));
      for (const assetId of cast) writer.cast(shotId, assetId, 1);
      setCastCount.run(cast.size, shotId);
      const stage = Number(random.weighted(SHOT_STAGE_WEIGHTS));
      const states = pipelineStates(SHOT_PIPELINE.length, stage, random.weighted(ACTIVE_WEIGHTS));
      entities.push(plan(shotId, SHOT_PIPELINE, states, random));
    }
  }
  return entities;
}

function plan(
  entityId: string,
  pipeline: readonly PipelineStep[],
  states: TaskState[],
  random: Random,
): EntityTasks {
  return pipeline.map((item, position) => ({
    entityId,
    taskType: item,
    state: states[position] as TaskState,
    assigneeEmail: item.artist,
    difficulty: random.int(1, 5),
  }));
}

/** Gives the artist exactly `openQuota` open tasks, from their own crafts first. */
function assignArtist(tasks: PlannedTask[], openQuota: number): void {
  let open = 0;
  let done = 0;
  for (const task of tasks) {
    if (!ARTIST_STEPS.has(task.taskType.name)) continue;
    const isOpen = OPEN_STATES.includes(task.state);
    if (isOpen && open < openQuota) {
      task.assigneeEmail = DEMO_ARTIST_EMAIL;
      open += 1;
    } else if (!isOpen && done < LARGE_DONE_TASKS_FOR_ARTIST) {
      task.assigneeEmail = DEMO_ARTIST_EMAIL;
      done += 1;
    }
  }
  for (const task of tasks) {
    if (open >= openQuota) break;
    if (task.assigneeEmail !== DEMO_ARTIST_EMAIL && OPEN_STATES.includes(task.state)) {
      task.assigneeEmail = DEMO_ARTIST_EMAIL;
      open += 1;
    }
  }
  if (open < openQuota) throw new Error('The large demo has too few open tasks for its artist');
}

function openTasksOf(db: Db, context: TaskWriteContext, email: string): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM task t
       JOIN task_person_link l ON l.task_id = t.id
       JOIN task_status s ON s.id = t.task_status_id
       WHERE l.person_id = ? AND s.is_done = 0`,
    )
    .get(context.personIds.get(email)) as { n: number };
  return row.n;
}
