import type { Db } from '../db/database';
import type { Random } from './random';
import type { ForEntity } from './base-data';
import { DEMO_ARTIST_EMAIL } from './demo-accounts';
import {
  DEMO_ASSETS,
  DEMO_PROJECT,
  DEMO_SEQUENCES,
  FIRST_FRAME,
  SHOTS_PER_SEQUENCE,
} from './demo-catalog';
import type { TaskState } from './demo-history';
import { linkProjectTaskTypes } from './demo-project';
import {
  ADMIN_EMAIL,
  pipelineStates,
  writeEntityTasks,
  type PlannedTask,
  type TaskWriteContext,
} from './demo-tasks';

interface TypeRef {
  name: string;
  forEntity: ForEntity;
  department: string;
}

const asset = (name: string, department: string): TypeRef => ({
  name,
  forEntity: 'Asset',
  department,
});
const shot = (name: string, department: string): TypeRef => ({
  name,
  forEntity: 'Shot',
  department,
});

const CONCEPT = asset('Concept', 'Concept');
const MODELING = asset('Modeling', 'Modeling');
const SHADING = asset('Shading', 'Modeling');
const RIGGING = asset('Rigging', 'Animation');
const LAYOUT = shot('Layout', 'Layout');
const ANIMATION = shot('Animation', 'Animation');
const LIGHTING = shot('Lighting', 'Compositing');
const COMPOSITING = shot('Compositing', 'Compositing');

export const STANDARD_TASK_TYPES: readonly TypeRef[] = [
  CONCEPT,
  MODELING,
  SHADING,
  RIGGING,
  LAYOUT,
  ANIMATION,
  LIGHTING,
  COMPOSITING,
];

const ASSET_ARTISTS: Record<string, string> = {
  Concept: 'nora.quinn@example.com',
  Modeling: 'mia.chen@example.com',
  Shading: 'mia.chen@example.com',
  Rigging: 'leo.martins@example.com',
};

const ASSET_STAGE_WEIGHTS = { '0': 2, '1': 3, '2': 3, '3': 2, '4': 1 };

const ASSET_DIFFICULTY: Record<string, number> = { Character: 4, Prop: 2, Environment: 3, FX: 4 };

// Shots are planned by hand so the OS-user artist's todo list always has the same healthy mix:
// [done tasks in the pipeline, state of the next one] per shot, SQ010 the most advanced.
const SHOT_PLAN: [number, TaskState][][] = [
  [
    [2, 'wip'],
    [2, 'wfa'],
    [1, 'retake'],
    [1, 'wfa'],
    [1, 'wip'],
    [1, 'wip'],
    [1, 'ready'],
    [0, 'retake'],
  ],
  [
    [1, 'wip'],
    [1, 'wfa'],
    [1, 'todo'],
    [0, 'wfa'],
    [0, 'wfa'],
    [0, 'wip'],
    [0, 'retake'],
    [0, 'ready'],
  ],
  [
    [0, 'wip'],
    [0, 'wip'],
    [0, 'ready'],
    [0, 'todo'],
    [0, 'todo'],
    [0, 'todo'],
    [0, 'todo'],
    [0, 'todo'],
  ],
];

const ANIMATORS = [DEMO_ARTIST_EMAIL, 'leo.martins@example.com', DEMO_ARTIST_EMAIL];
const COMPOSITORS = [
  'sofia.alvarez@example.com',
  'sofia.alvarez@example.com',
  'ravi.patel@example.com',
];

/** "Harbor Lights" itself: ~30 assets, 3 sequences of 8 shots, their tasks and history. */
export function seedStandardProduction(db: Db, context: TaskWriteContext): void {
  const { base, random, projectId, createdAt } = context;
  linkProjectTaskTypes(
    db,
    projectId,
    STANDARD_TASK_TYPES.map((type) => base.taskType(type.name, type.forEntity)),
    createdAt,
  );
  const adminId = context.personIds.get(ADMIN_EMAIL) as string;
  const assetIds = new Map<string, string>();
  for (const [typeName, assets] of Object.entries(DEMO_ASSETS)) {
    const pipeline =
      typeName === 'Character'
        ? [CONCEPT, MODELING, SHADING, RIGGING]
        : [CONCEPT, MODELING, SHADING];
    for (const definition of assets) {
      const entityId = context.writer.entity({
        projectId,
        entityTypeId: base.entityType(typeName),
        name: definition.name,
        description: definition.description,
        parentId: null,
        data: {},
        nbFrames: null,
        createdAt,
        createdBy: adminId,
      });
      assetIds.set(definition.name, entityId);
      const stage = Math.min(pipeline.length, Number(random.weighted(ASSET_STAGE_WEIGHTS)));
      const active: TaskState = random.weighted({
        ready: 1,
        wip: 3,
        wfa: 2,
        retake: 1.5,
        todo: 0.5,
      });
      const states = pipelineStates(pipeline.length, stage, active);
      writeEntityTasks(
        context,
        pipeline.map((taskType, index) => ({
          entityId,
          taskType,
          state: states[index] as TaskState,
          assigneeEmail: ASSET_ARTISTS[taskType.name] as string,
          difficulty: ASSET_DIFFICULTY[typeName] ?? 3,
        })),
      );
    }
  }
  seedShots(db, context, assetIds, adminId);
}

function seedShots(
  db: Db,
  context: TaskWriteContext,
  assetIds: Map<string, string>,
  adminId: string,
): void {
  const { base, random, projectId, createdAt, writer } = context;
  const setCastCount = db.prepare('UPDATE entity SET nb_entities_out = ? WHERE id = ?');
  DEMO_SEQUENCES.forEach((sequence, sequenceIndex) => {
    const sequenceId = writer.entity({
      projectId,
      entityTypeId: base.entityType('Sequence'),
      name: sequence.name,
      description: sequence.description,
      parentId: null,
      data: {},
      nbFrames: null,
      createdAt,
      createdBy: adminId,
    });
    for (let shotIndex = 0; shotIndex < SHOTS_PER_SEQUENCE; shotIndex += 1) {
      const nbFrames = random.int(2, 8) * 24 + random.int(0, 23);
      const shotId = writer.entity({
        projectId,
        entityTypeId: base.entityType('Shot'),
        name: `SH${String((shotIndex + 1) * 10).padStart(3, '0')}`,
        description: null,
        parentId: sequenceId,
        data: {
          frame_in: FIRST_FRAME,
          frame_out: FIRST_FRAME + nbFrames - 1,
          fps: DEMO_PROJECT.fps,
        },
        nbFrames,
        createdAt,
        createdBy: adminId,
      });
      const cast = castFor(sequence.cast, random);
      for (const name of cast) writer.cast(shotId, assetIds.get(name) as string, 1);
      setCastCount.run(cast.length, shotId);

      const [stage, active] = SHOT_PLAN[sequenceIndex]?.[shotIndex] ?? [0, 'todo'];
      const states = pipelineStates(4, stage, active);
      const assignees = [
        DEMO_ARTIST_EMAIL,
        ANIMATORS[sequenceIndex] as string,
        'sofia.alvarez@example.com',
        COMPOSITORS[sequenceIndex] as string,
      ];
      const planned = [LAYOUT, ANIMATION, LIGHTING, COMPOSITING].map(
        (taskType, index): PlannedTask => ({
          entityId: shotId,
          taskType,
          state: states[index] as TaskState,
          assigneeEmail: assignees[index] as string,
          difficulty: random.int(2, 4),
        }),
      );
      writeEntityTasks(context, planned);
    }
  });
}

function castFor(candidates: readonly string[], random: Random): string[] {
  const count = random.int(2, Math.min(4, candidates.length));
  const start = random.int(0, candidates.length - 1);
  return Array.from(
    { length: count },
    (_, index) => candidates[(start + index) % candidates.length] as string,
  );
}
