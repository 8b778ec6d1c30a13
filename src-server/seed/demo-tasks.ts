import type { BaseIds } from './base-lookup';
import type { ForEntity } from './base-data';
import {
  planSchedule,
  planTimeSpents,
  planTimeline,
  WORK_DAY_MINUTES,
  type TaskState,
  type WorkClock,
} from './demo-history';
import type { DemoWriter } from './demo-writer';
import type { Random } from './random';

export const ADMIN_EMAIL = 'admin@example.com';
export const MANAGER_EMAIL = 'priya.raman@example.com';
export const SUPERVISOR_EMAIL = 'tom.becker@example.com';

// Tom supervises the shot crafts he comes from; the admin doubles as CG supervisor elsewhere.
const SUPERVISED_BY_TOM = new Set(['Animation', 'Layout']);

export interface PlannedTask {
  entityId: string;
  taskType: { name: string; forEntity: ForEntity; department: string };
  state: TaskState;
  assigneeEmail: string;
  difficulty: number;
}

export interface TaskWriteContext {
  writer: DemoWriter;
  base: BaseIds;
  random: Random;
  now: Date;
  clock: WorkClock;
  projectId: string;
  createdAt: string;
  personIds: Map<string, string>;
  /** Minutes already logged per "person|date", shared by every task of the demo. */
  dayBudget: Map<string, number>;
}

/**
 * The states of one entity's tasks in pipeline order: `stage` of them are done, the next one
 * is in `active` state, and the rest are still to do.
 */
export function pipelineStates(count: number, stage: number, active: TaskState): TaskState[] {
  return Array.from({ length: count }, (_, index) => {
    if (index < stage) return 'done';
    return index === stage ? active : 'todo';
  });
}

const CHAIN_BUDGET = 60 * WORK_DAY_MINUTES;
const MAX_GAP = 3 * WORK_DAY_MINUTES;
const MAX_COMMENTS_PER_TASK = 7;

/**
 * Writes one entity's tasks, given in pipeline order, so that each task's history starts only
 * after the task upstream of it was approved and the newest work is the most recent.
 */
export function writeEntityTasks(context: TaskWriteContext, tasks: readonly PlannedTask[]): void {
  const { random, clock } = context;
  const withHistory = tasks.filter((task) => task.state !== 'todo');
  const maxGap = Math.min(
    MAX_GAP,
    Math.floor(CHAIN_BUDGET / ((MAX_COMMENTS_PER_TASK + 1) * withHistory.length + 1)),
  );
  const newest = withHistory.at(-1);
  let cursor =
    newest?.state === 'done'
      ? random.int(WORK_DAY_MINUTES, 20 * WORK_DAY_MINUTES)
      : random.int(5, 9 * WORK_DAY_MINUTES);
  for (const planned of [...tasks].reverse()) {
    const artistId = personId(context, planned.assigneeEmail);
    const reviewerEmail = SUPERVISED_BY_TOM.has(planned.taskType.department)
      ? SUPERVISOR_EMAIL
      : ADMIN_EMAIL;
    const people = {
      artistId,
      reviewerId: personId(context, reviewerEmail),
      managerId: personId(context, MANAGER_EMAIL),
    };
    const timeline = planTimeline(
      planned.state,
      planned.taskType.name,
      people,
      random,
      clock,
      cursor,
      maxGap,
    );
    if (timeline.comments.length > 0)
      cursor = timeline.firstAgo + random.int(30, Math.max(30, maxGap));
    context.writer.task({
      projectId: context.projectId,
      taskTypeId: context.base.taskType(planned.taskType.name, planned.taskType.forEntity),
      entityId: planned.entityId,
      createdAt: context.createdAt,
      assigneeIds: [artistId],
      assignerId: people.managerId,
      priority: random.chance(0.06) ? random.int(1, 3) : 0,
      difficulty: planned.difficulty,
      schedule: planSchedule(timeline, random, context.now),
      timeline,
      timeSpents: planTimeSpents(timeline, artistId, context.dayBudget, random, context.now),
    });
  }
}

function personId(context: TaskWriteContext, email: string): string {
  const id = context.personIds.get(email);
  if (!id) throw new Error(`No demo person ${email}`);
  return id;
}
