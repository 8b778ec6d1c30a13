import {
  renderFilePath,
  type EntityFacts,
  type FileTreeFacts,
  type RenderedPath,
} from '../../src-shared/file-tree';
import type { TodoTask } from '../../src-shared/todo-task';
import type { Software } from '../../src-shared/working-files';

/** A parent the todo row names only (an episode, a sequence): its name and kind are enough. */
function namedParent(
  name: string | null,
  type: 'Episode' | 'Sequence',
  parent: EntityFacts | null,
): EntityFacts | null {
  return name ? { id: '', name, type, entity_type: { id: '', name: type }, parent } : null;
}

/** The entity of a todo row as the file tree reads it: its kind, type and parents' names. */
function entityOf(task: TodoTask): EntityFacts {
  const episode = namedParent(task.episodeName, 'Episode', null);
  const sequence = namedParent(task.sequenceName, 'Sequence', episode);
  const temporal = ['Shot', 'Sequence', 'Episode', 'Scene', 'Edit'].includes(task.entityTypeName);
  return {
    id: task.entityId,
    name: task.entityName,
    type: temporal ? task.entityTypeName : 'Asset',
    entity_type: { id: '', name: task.entityTypeName },
    parent: task.entityTypeName === 'Shot' || task.entityTypeName === 'Scene' ? sequence : episode,
  };
}

/**
 * A working (or preview) path rendered here from the project's cached tree and the task's
 * cached row, with the very engine the server uses: what shows offline, and what the server's
 * answer is compared with online.
 */
export function localTreePath(
  tree: unknown,
  task: TodoTask,
  input: { name: string; software: Software | null },
  mode: 'working' | 'preview',
  revision: number,
): RenderedPath {
  const facts: FileTreeFacts = {
    project: { id: task.projectId, name: task.projectName },
    entity: entityOf(task),
    // Kitsu names a task "main" unless told otherwise; the todo row does not carry it.
    task: { id: task.id, name: 'main' },
    task_type: { id: task.taskTypeId, name: task.taskTypeName },
    software: input.software ? { id: input.software.id, name: input.software.name } : null,
    name: input.name,
    revision,
    fallbacks: { software: () => ({ id: '', name: '3dsmax', short_name: 'max' }) },
  };
  return renderFilePath(tree, mode, facts, { sep: '/' });
}
