import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { formatDateTime } from '../db/time';
import type { BaseIds } from './base-lookup';
import type { PlannedTimeSpent, TaskSchedule, TaskTimeline } from './demo-history';

export interface EntityRecord {
  projectId: string;
  entityTypeId: string;
  name: string;
  description: string | null;
  parentId: string | null;
  data: Record<string, unknown>;
  nbFrames: number | null;
  createdAt: string;
  createdBy: string;
}

export interface TaskRecord {
  projectId: string;
  taskTypeId: string;
  entityId: string;
  createdAt: string;
  assigneeIds: string[];
  assignerId: string;
  priority: number;
  difficulty: number;
  schedule: TaskSchedule;
  timeline: TaskTimeline;
  timeSpents: PlannedTimeSpent[];
}

/** Prepared inserts for the demo's bulk rows; callers own the transaction. */
export class DemoWriter {
  private readonly insertEntity;
  private readonly insertTask;
  private readonly insertAssignee;
  private readonly insertComment;
  private readonly insertTimeSpent;
  private readonly insertCasting;
  private readonly statusIds: Map<string, string>;
  private readonly nowText: string;
  taskCount = 0;

  constructor(db: Db, base: BaseIds, now: Date) {
    this.nowText = formatDateTime(now);
    this.insertEntity = db.prepare(
      `INSERT INTO entity (id, created_at, updated_at, name, description, nb_frames,
         nb_entities_out, status, project_id, entity_type_id, parent_id, data, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 0, 'running', ?, ?, ?, ?, ?)`,
    );
    this.insertTask = db.prepare(
      `INSERT INTO task (id, created_at, updated_at, name, priority, difficulty, duration,
         estimation, completion_rate, retake_count, start_date, due_date, real_start_date,
         end_date, done_date, last_comment_date, project_id, task_type_id, task_status_id,
         entity_id, assigner_id)
       VALUES (?, ?, ?, 'main', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAssignee = db.prepare(
      'INSERT INTO task_person_link (task_id, person_id) VALUES (?, ?)',
    );
    this.insertComment = db.prepare(
      `INSERT INTO comment (id, created_at, updated_at, object_id, object_type, text, replies,
         checklist, for_client, links, task_status_id, person_id)
       VALUES (?, ?, ?, ?, 'Task', ?, '[]', '[]', 0, '[]', ?, ?)`,
    );
    this.insertTimeSpent = db.prepare(
      `INSERT INTO time_spent (id, created_at, updated_at, duration, date, task_id, person_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertCasting = db.prepare(
      `INSERT INTO entity_link (entity_in_id, entity_out_id, nb_occurences, label)
       VALUES (?, ?, ?, '')`,
    );
    this.statusIds = new Map(base.taskStatuses.map((status) => [status.short_name, status.id]));
  }

  entity(record: EntityRecord): string {
    const id = newId();
    this.insertEntity.run(
      id,
      record.createdAt,
      record.createdAt,
      record.name,
      record.description,
      record.nbFrames,
      record.projectId,
      record.entityTypeId,
      record.parentId,
      JSON.stringify(record.data),
      record.createdBy,
    );
    return id;
  }

  /** Casts assets into a shot; the caller updates the shot's nb_entities_out. */
  cast(shotId: string, assetId: string, occurrences: number): void {
    this.insertCasting.run(shotId, assetId, occurrences);
  }

  task(record: TaskRecord): string {
    const id = newId();
    const { timeline, schedule } = record;
    const duration = record.timeSpents.reduce((sum, entry) => sum + entry.minutes, 0);
    const lastComment = timeline.lastCommentDate ? formatDateTime(timeline.lastCommentDate) : null;
    this.insertTask.run(
      id,
      record.createdAt,
      lastComment ?? record.createdAt,
      record.priority,
      record.difficulty,
      duration,
      schedule.estimationMinutes,
      timeline.retakeCount,
      dateTimeOrNull(schedule.startDate),
      dateTimeOrNull(schedule.dueDate),
      dateTimeOrNull(timeline.realStartDate),
      dateTimeOrNull(timeline.endDate),
      dateTimeOrNull(timeline.doneDate),
      lastComment,
      record.projectId,
      record.taskTypeId,
      this.statusId(timeline.status),
      record.entityId,
      record.assignerId,
    );
    for (const personId of record.assigneeIds) this.insertAssignee.run(id, personId);
    for (const comment of timeline.comments) {
      const at = formatDateTime(comment.at);
      this.insertComment.run(
        newId(),
        at,
        at,
        id,
        comment.text,
        this.statusId(comment.status),
        comment.personId,
      );
    }
    const artistId = record.assigneeIds[0];
    if (artistId) {
      for (const entry of record.timeSpents) {
        const endOfDay = `${entry.date}T18:00:00`;
        const at = endOfDay < this.nowText ? endOfDay : this.nowText;
        this.insertTimeSpent.run(newId(), at, at, entry.minutes, entry.date, id, artistId);
      }
    }
    this.taskCount += 1;
    return id;
  }

  private statusId(shortName: string): string {
    const id = this.statusIds.get(shortName);
    if (!id) throw new Error(`The base data has no task status "${shortName}"`);
    return id;
  }
}

function dateTimeOrNull(date: Date | null): string | null {
  return date ? formatDateTime(date) : null;
}
