import { addEntity, addTask, type CrudTestServer } from '../crud/crud-test-kit';
import type { Data } from '../crud/rows';

// Fixtures for the production suites, over the CRUD test kit: a sequence of shots, and a
// statement counter for the fixed-cost list checks.

export interface ShotFixture {
  sequenceId: string;
  shotIds: string[];
}

/** A sequence (under an episode when given) holding `count` shots. */
export function addSequenceWithShots(
  server: CrudTestServer,
  projectId: string,
  count: number,
  options: { episodeId?: string | null; sequence?: Data } = {},
): ShotFixture {
  const sequenceId = addEntity(server, projectId, 'Sequence', {
    parent_id: options.episodeId ?? null,
    ...options.sequence,
  });
  const shotIds = Array.from({ length: count }, (_, index) =>
    addEntity(server, projectId, 'Shot', {
      name: `SH${String((index + 1) * 10).padStart(3, '0')}`,
      parent_id: sequenceId,
    }),
  );
  return { sequenceId, shotIds };
}

/** A "main" shot task of the given type ("Layout" by default). */
export function addShotTask(
  server: CrudTestServer,
  projectId: string,
  shotId: string,
  options: { assignees?: string[]; taskType?: string } = {},
): string {
  return addTask(server, projectId, shotId, {
    assignees: options.assignees,
    taskType: [options.taskType ?? 'Layout', 'Shot'],
    fields: { name: 'main' },
  });
}
