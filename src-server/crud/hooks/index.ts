import { ADMIN_ONLY } from './define';
import {
  assetInstanceHooks,
  customActionHooks,
  eventHooks,
  projectTemplateHooks,
  salaryScaleHooks,
  scheduleVersionHooks,
  scheduleVersionTaskLinkHooks,
  statusAutomationHooks,
} from './admin-tables';
import { commentHooks } from './comments';
import { dayOffHooks } from './day-offs';
import { entityHooks } from './entities';
import { attachmentFileHooks, outputFileHooks, workingFileHooks } from './files';
import { notificationHooks } from './notifications';
import { personHooks } from './persons';
import { previewFileHooks } from './preview-files';
import {
  metadataDescriptorHooks,
  milestoneHooks,
  playlistHooks,
  scheduleItemHooks,
} from './production';
import { projectHooks } from './projects';
import {
  entityTypeHooks,
  fileReferenceHooks,
  organisationHooks,
  previewBackgroundFileHooks,
  referenceTableHooks,
  taskStatusHooks,
  taskTypeHooks,
} from './reference-tables';
import { taskHooks } from './tasks';
import { timeSpentHooks } from './time-spents';
import type { CrudHooks } from './types';

/** The per-model hooks table of REFERENCE §3, by slug; unlisted models are admin-only. */
const HOOKS_BY_SLUG: Record<string, CrudHooks> = {
  persons: personHooks,
  projects: projectHooks,
  'project-status': referenceTableHooks,
  'project-templates': projectTemplateHooks,
  'entity-types': entityTypeHooks,
  entities: entityHooks,
  'task-types': taskTypeHooks,
  'task-status': taskStatusHooks,
  tasks: taskHooks,
  departments: referenceTableHooks,
  organisations: organisationHooks,
  'file-status': referenceTableHooks,
  softwares: fileReferenceHooks,
  'output-files': outputFileHooks,
  'output-types': fileReferenceHooks,
  'preview-files': previewFileHooks,
  'working-files': workingFileHooks,
  'attachment-files': attachmentFileHooks,
  comments: commentHooks,
  'time-spents': timeSpentHooks,
  'day-offs': dayOffHooks,
  'custom-actions': customActionHooks,
  'status-automations': statusAutomationHooks,
  'asset-instances': assetInstanceHooks,
  playlists: playlistHooks,
  events: eventHooks,
  notifications: notificationHooks,
  'schedule-items': scheduleItemHooks,
  milestones: milestoneHooks,
  'metadata-descriptors': metadataDescriptorHooks,
  'preview-background-files': previewBackgroundFileHooks,
  studios: referenceTableHooks,
  'salary-scales': salaryScaleHooks,
  'production-schedule-versions': scheduleVersionHooks,
  'production-schedule-version-task-links': scheduleVersionTaskLinkHooks,
};

export function hooksFor(slug: string): CrudHooks {
  return HOOKS_BY_SLUG[slug] ?? ADMIN_ONLY;
}
