import type { Migration } from '../migrate';

// Zou's link tables that are models of their own carry an id and timestamps; SQL defaults let a
// plain two-column insert (as a relation write does) still fill them.
const UUID4 = `(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;
const NOW = `(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`;
const LINK_MODEL_COLUMNS = `id TEXT NOT NULL UNIQUE DEFAULT ${UUID4},
  created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW}`;
const ROLES_FOR_BOARD = `'["user","admin","supervisor","manager","vendor"]'`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
CREATE TABLE studio (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL,
  archived INTEGER DEFAULT 0
);

CREATE TABLE department (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL,
  archived INTEGER DEFAULT 0
);

CREATE TABLE person (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  country TEXT,
  contract_type TEXT NOT NULL DEFAULT 'open-ended',
  active INTEGER DEFAULT 1,
  archived INTEGER DEFAULT 0,
  last_presence TEXT,
  password TEXT,
  desktop_login TEXT,
  login_failed_attemps INTEGER DEFAULT 0,
  last_login_failed TEXT,
  totp_enabled INTEGER DEFAULT 0,
  totp_secret TEXT,
  email_otp_enabled INTEGER DEFAULT 0,
  email_otp_secret TEXT,
  fido_enabled INTEGER DEFAULT 0,
  fido_credentials TEXT,
  otp_recovery_codes TEXT,
  preferred_two_factor_authentication TEXT,
  shotgun_id INTEGER UNIQUE,
  timezone TEXT DEFAULT 'Europe/Paris',
  locale TEXT DEFAULT 'en_US',
  use_12_hour_clock INTEGER DEFAULT 0,
  display_date_format TEXT DEFAULT 'YYYY-MM-DD',
  data TEXT,
  role TEXT NOT NULL DEFAULT 'user',
  position TEXT DEFAULT 'artist',
  seniority TEXT DEFAULT 'mid',
  daily_salary INTEGER DEFAULT 0,
  has_avatar INTEGER DEFAULT 0,
  notifications_enabled INTEGER DEFAULT 0,
  notifications_slack_enabled INTEGER DEFAULT 0,
  notifications_slack_userid TEXT DEFAULT '',
  notifications_mattermost_enabled INTEGER DEFAULT 0,
  notifications_mattermost_userid TEXT DEFAULT '',
  notifications_discord_enabled INTEGER DEFAULT 0,
  notifications_discord_userid TEXT DEFAULT '',
  is_bot INTEGER NOT NULL DEFAULT 0,
  is_guest INTEGER NOT NULL DEFAULT 0,
  jti TEXT UNIQUE,
  expiration_date TEXT,
  is_generated_from_ldap INTEGER DEFAULT 0,
  ldap_uid TEXT UNIQUE,
  studio_id TEXT REFERENCES studio(id)
);
-- Zou stores emails lowercased (EmailType), so lower() only guards rows written around it.
CREATE UNIQUE INDEX only_one_email_by_person ON person (lower(email))
  WHERE is_bot = 0 AND email IS NOT NULL;
CREATE INDEX ix_person_studio_id ON person (studio_id);

CREATE TABLE department_link (
  person_id TEXT NOT NULL REFERENCES person(id),
  department_id TEXT NOT NULL REFERENCES department(id),
  PRIMARY KEY (person_id, department_id)
);
CREATE INDEX ix_department_link_department_id ON department_link (department_id);

CREATE TABLE project_status (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL
);

CREATE TABLE preview_background_file (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  archived INTEGER DEFAULT 0,
  is_default INTEGER DEFAULT 0,
  original_name TEXT,
  extension TEXT,
  file_size INTEGER DEFAULT 0
);

CREATE TABLE project (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  code TEXT,
  description TEXT,
  shotgun_id INTEGER,
  file_tree TEXT,
  data TEXT,
  has_avatar INTEGER DEFAULT 0,
  fps TEXT DEFAULT '25',
  ratio TEXT DEFAULT '16:9',
  resolution TEXT DEFAULT '1920x1080',
  production_type TEXT DEFAULT 'short',
  production_style TEXT NOT NULL DEFAULT '2d3d',
  start_date TEXT,
  end_date TEXT,
  man_days INTEGER,
  nb_episodes INTEGER DEFAULT 0,
  episode_span INTEGER DEFAULT 0,
  max_retakes INTEGER DEFAULT 0,
  is_clients_isolated INTEGER DEFAULT 0,
  is_preview_download_allowed INTEGER DEFAULT 0,
  is_set_preview_automated INTEGER DEFAULT 0,
  homepage TEXT DEFAULT 'assets',
  is_publish_default_for_artists INTEGER DEFAULT 0,
  is_bot_collaboration_enabled INTEGER DEFAULT 0,
  is_single_preview_per_revision INTEGER DEFAULT 0,
  is_frame_in_numbering INTEGER DEFAULT 0,
  revision_padding INTEGER NOT NULL DEFAULT 0,
  hd_bitrate_compression INTEGER DEFAULT 28,
  ld_bitrate_compression INTEGER DEFAULT 6,
  project_status_id TEXT REFERENCES project_status(id),
  default_preview_background_file_id TEXT REFERENCES preview_background_file(id),
  from_schedule_version_id TEXT REFERENCES production_schedule_version(id)
);
CREATE INDEX ix_project_project_status_id ON project (project_status_id);

CREATE TABLE production_schedule_version (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  production_schedule_from TEXT REFERENCES production_schedule_version(id),
  locked INTEGER DEFAULT 0,
  canceled INTEGER DEFAULT 0,
  UNIQUE (name, project_id)
);
CREATE INDEX ix_production_schedule_version_project_id
  ON production_schedule_version (project_id);

CREATE TABLE project_person_link (
  project_id TEXT NOT NULL REFERENCES project(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  shotgun_id INTEGER,
  role TEXT,
  PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_project_person_link_person_id ON project_person_link (person_id);

CREATE TABLE task_type (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  short_name TEXT,
  description TEXT,
  color TEXT DEFAULT '#FFFFFF',
  priority INTEGER DEFAULT 1,
  for_entity TEXT DEFAULT 'Asset',
  allow_timelog INTEGER DEFAULT 1,
  archived INTEGER DEFAULT 0,
  shotgun_id INTEGER,
  department_id TEXT REFERENCES department(id),
  UNIQUE (name, for_entity, department_id)
);
CREATE INDEX ix_task_type_department_id ON task_type (department_id);

CREATE TABLE task_status (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  archived INTEGER DEFAULT 0,
  short_name TEXT NOT NULL UNIQUE,
  description TEXT,
  color TEXT NOT NULL,
  priority INTEGER DEFAULT 1,
  is_done INTEGER DEFAULT 0,
  is_artist_allowed INTEGER DEFAULT 1,
  is_client_allowed INTEGER DEFAULT 1,
  is_retake INTEGER DEFAULT 0,
  is_feedback_request INTEGER DEFAULT 0,
  is_default INTEGER DEFAULT 0,
  is_wip INTEGER DEFAULT 0,
  shotgun_id INTEGER,
  for_concept INTEGER DEFAULT 0
);

CREATE TABLE entity_type (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  short_name TEXT,
  description TEXT,
  archived INTEGER DEFAULT 0
);

CREATE TABLE task_type_asset_type_link (
  asset_type_id TEXT NOT NULL REFERENCES entity_type(id),
  task_type_id TEXT NOT NULL REFERENCES task_type(id),
  PRIMARY KEY (asset_type_id, task_type_id)
);
CREATE INDEX ix_task_type_asset_type_link_task_type_id
  ON task_type_asset_type_link (task_type_id);

CREATE TABLE status_automation (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  entity_type TEXT DEFAULT 'asset',
  in_task_type_id TEXT REFERENCES task_type(id),
  in_task_status_id TEXT REFERENCES task_status(id),
  out_field_type TEXT NOT NULL DEFAULT 'status',
  out_task_type_id TEXT REFERENCES task_type(id),
  out_task_status_id TEXT REFERENCES task_status(id),
  import_last_revision INTEGER DEFAULT 0,
  archived INTEGER DEFAULT 0
);

CREATE TABLE project_task_type_link (
  ${LINK_MODEL_COLUMNS},
  project_id TEXT NOT NULL REFERENCES project(id),
  task_type_id TEXT NOT NULL REFERENCES task_type(id),
  priority INTEGER,
  PRIMARY KEY (project_id, task_type_id)
);
CREATE INDEX ix_project_task_type_link_task_type_id ON project_task_type_link (task_type_id);

CREATE TABLE project_task_status_link (
  ${LINK_MODEL_COLUMNS},
  project_id TEXT NOT NULL REFERENCES project(id),
  task_status_id TEXT NOT NULL REFERENCES task_status(id),
  priority INTEGER,
  roles_for_board TEXT DEFAULT ${ROLES_FOR_BOARD},
  PRIMARY KEY (project_id, task_status_id)
);
CREATE INDEX ix_project_task_status_link_task_status_id
  ON project_task_status_link (task_status_id);

CREATE TABLE project_asset_type_link (
  project_id TEXT NOT NULL REFERENCES project(id),
  asset_type_id TEXT NOT NULL REFERENCES entity_type(id),
  PRIMARY KEY (project_id, asset_type_id)
);
CREATE INDEX ix_project_asset_type_link_asset_type_id ON project_asset_type_link (asset_type_id);

CREATE TABLE project_status_automation_link (
  project_id TEXT NOT NULL REFERENCES project(id),
  status_automation_id TEXT NOT NULL REFERENCES status_automation(id),
  PRIMARY KEY (project_id, status_automation_id)
);
CREATE INDEX ix_project_status_automation_link_status_automation_id
  ON project_status_automation_link (status_automation_id);

CREATE TABLE project_preview_background_file_link (
  project_id TEXT NOT NULL REFERENCES project(id),
  preview_background_file_id TEXT NOT NULL REFERENCES preview_background_file(id),
  PRIMARY KEY (project_id, preview_background_file_id)
);
CREATE INDEX ix_project_preview_background_file_link_file_id
  ON project_preview_background_file_link (preview_background_file_id);

CREATE TABLE entity (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  code TEXT,
  description TEXT,
  shotgun_id INTEGER,
  canceled INTEGER DEFAULT 0,
  nb_frames INTEGER,
  nb_entities_out INTEGER DEFAULT 0,
  is_casting_standby INTEGER DEFAULT 0,
  is_shared INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'running',
  project_id TEXT NOT NULL REFERENCES project(id),
  entity_type_id TEXT NOT NULL REFERENCES entity_type(id),
  parent_id TEXT REFERENCES entity(id),
  source_id TEXT REFERENCES entity(id),
  preview_file_id TEXT REFERENCES preview_file(id),
  data TEXT,
  ready_for TEXT REFERENCES task_type(id),
  created_by TEXT REFERENCES person(id)
);
-- Postgres lets NULL parents through Zou's constraint; top-level entities must be unique too.
CREATE UNIQUE INDEX entity_uc
  ON entity (name, project_id, entity_type_id, COALESCE(parent_id, ''));
CREATE INDEX ix_entity_project_type_status ON entity (project_id, entity_type_id, status);
CREATE INDEX ix_entity_entity_type_id ON entity (entity_type_id);
CREATE INDEX ix_entity_parent_id ON entity (parent_id);
CREATE INDEX ix_entity_source_id ON entity (source_id);

CREATE TABLE entity_link (
  ${LINK_MODEL_COLUMNS},
  entity_in_id TEXT NOT NULL REFERENCES entity(id),
  entity_out_id TEXT NOT NULL REFERENCES entity(id),
  data TEXT,
  nb_occurences INTEGER DEFAULT 1,
  label TEXT DEFAULT '',
  PRIMARY KEY (entity_in_id, entity_out_id)
);
CREATE INDEX ix_entity_link_entity_out_id ON entity_link (entity_out_id);

CREATE TABLE entity_concept_link (
  ${LINK_MODEL_COLUMNS},
  entity_in_id TEXT NOT NULL REFERENCES entity(id),
  entity_out_id TEXT NOT NULL REFERENCES entity(id),
  PRIMARY KEY (entity_in_id, entity_out_id)
);
CREATE INDEX ix_entity_concept_link_entity_out_id ON entity_concept_link (entity_out_id);

CREATE TABLE entity_version (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  data TEXT,
  entity_id TEXT REFERENCES entity(id),
  person_id TEXT REFERENCES person(id)
);
CREATE INDEX ix_entity_version_entity_id ON entity_version (entity_id);

CREATE TABLE asset_instance (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  asset_id TEXT NOT NULL REFERENCES entity(id),
  name TEXT,
  number INTEGER,
  description TEXT,
  active INTEGER DEFAULT 1,
  data TEXT,
  scene_id TEXT REFERENCES entity(id),
  target_asset_id TEXT REFERENCES entity(id),
  entity_id TEXT REFERENCES entity(id),
  entity_type_id TEXT REFERENCES entity_type(id),
  UNIQUE (asset_id, target_asset_id, scene_id, number)
);
CREATE INDEX ix_asset_instance_scene_id ON asset_instance (scene_id);
CREATE INDEX ix_asset_instance_target_asset_id ON asset_instance (target_asset_id);

CREATE TABLE asset_instance_link (
  entity_id TEXT NOT NULL REFERENCES entity(id),
  asset_instance_id TEXT NOT NULL REFERENCES asset_instance(id),
  PRIMARY KEY (entity_id, asset_instance_id)
);
CREATE INDEX ix_asset_instance_link_asset_instance_id ON asset_instance_link (asset_instance_id);

CREATE TABLE task (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  priority INTEGER DEFAULT 0,
  difficulty INTEGER NOT NULL DEFAULT 3 CHECK (difficulty > 0 AND difficulty < 6),
  duration REAL DEFAULT 0,
  estimation REAL DEFAULT 0,
  completion_rate INTEGER DEFAULT 0,
  retake_count INTEGER DEFAULT 0,
  sort_order INTEGER DEFAULT 0,
  start_date TEXT,
  due_date TEXT,
  real_start_date TEXT,
  end_date TEXT,
  done_date TEXT,
  last_comment_date TEXT,
  nb_assets_ready INTEGER DEFAULT 0,
  data TEXT,
  nb_drawings INTEGER DEFAULT 0,
  shotgun_id INTEGER,
  last_preview_file_id TEXT,
  project_id TEXT REFERENCES project(id),
  task_type_id TEXT REFERENCES task_type(id),
  task_status_id TEXT REFERENCES task_status(id),
  entity_id TEXT REFERENCES entity(id),
  assigner_id TEXT REFERENCES person(id),
  UNIQUE (name, project_id, task_type_id, entity_id)
);
CREATE INDEX ix_task_project_id ON task (project_id);
CREATE INDEX ix_task_task_type_id ON task (task_type_id);
CREATE INDEX ix_task_task_status_id ON task (task_status_id);
CREATE INDEX ix_task_entity_id ON task (entity_id);
CREATE INDEX ix_task_assigner_id ON task (assigner_id);

CREATE TABLE task_person_link (
  task_id TEXT NOT NULL REFERENCES task(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (task_id, person_id)
);
CREATE INDEX ix_task_person_link_person_id ON task_person_link (person_id);

CREATE TABLE file_status (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL
);

CREATE TABLE output_type (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL
);

CREATE TABLE software (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL,
  archived INTEGER DEFAULT 0,
  version TEXT,
  file_extension TEXT NOT NULL,
  secondary_extensions TEXT,
  monthly_cost INTEGER DEFAULT 0,
  inventory_amount INTEGER DEFAULT 0
);

CREATE TABLE hardware_item (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL,
  archived INTEGER DEFAULT 0,
  monthly_cost INTEGER DEFAULT 0,
  inventory_amount INTEGER DEFAULT 0
);

CREATE TABLE hardware_item_department_link (
  ${LINK_MODEL_COLUMNS},
  department_id TEXT NOT NULL REFERENCES department(id),
  hardware_item_id TEXT NOT NULL REFERENCES hardware_item(id),
  PRIMARY KEY (department_id, hardware_item_id)
);
CREATE INDEX ix_hardware_item_department_link_hardware_item_id
  ON hardware_item_department_link (hardware_item_id);

CREATE TABLE software_department_link (
  ${LINK_MODEL_COLUMNS},
  department_id TEXT NOT NULL REFERENCES department(id),
  software_id TEXT NOT NULL REFERENCES software(id),
  PRIMARY KEY (department_id, software_id)
);
CREATE INDEX ix_software_department_link_software_id ON software_department_link (software_id);

CREATE TABLE working_file (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  shotgun_id INTEGER,
  name TEXT,
  description TEXT,
  comment TEXT,
  revision INTEGER,
  size INTEGER,
  checksum INTEGER,
  path TEXT,
  data TEXT,
  task_id TEXT REFERENCES task(id),
  entity_id TEXT REFERENCES entity(id),
  person_id TEXT REFERENCES person(id),
  software_id TEXT REFERENCES software(id),
  UNIQUE (name, task_id, entity_id, revision)
);
CREATE INDEX ix_working_file_task_id ON working_file (task_id);
CREATE INDEX ix_working_file_entity_id ON working_file (entity_id);
CREATE INDEX ix_working_file_person_id ON working_file (person_id);

CREATE TABLE output_file (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  shotgun_id INTEGER,
  name TEXT NOT NULL,
  canceled INTEGER NOT NULL DEFAULT 0,
  size INTEGER,
  checksum TEXT,
  description TEXT,
  comment TEXT,
  extension TEXT,
  revision INTEGER NOT NULL,
  representation TEXT,
  nb_elements INTEGER DEFAULT 1,
  source TEXT,
  path TEXT,
  data TEXT,
  file_status_id TEXT NOT NULL REFERENCES file_status(id),
  entity_id TEXT REFERENCES entity(id),
  asset_instance_id TEXT REFERENCES asset_instance(id),
  output_type_id TEXT REFERENCES output_type(id),
  task_type_id TEXT REFERENCES task_type(id),
  person_id TEXT REFERENCES person(id),
  source_file_id TEXT REFERENCES working_file(id),
  temporal_entity_id TEXT REFERENCES entity(id),
  UNIQUE (name, entity_id, asset_instance_id, output_type_id, task_type_id, temporal_entity_id,
    representation, revision)
);
CREATE INDEX ix_output_file_entity_id ON output_file (entity_id);
CREATE INDEX ix_output_file_asset_instance_id ON output_file (asset_instance_id);
CREATE INDEX ix_output_file_source_file_id ON output_file (source_file_id);
CREATE INDEX ix_output_file_temporal_entity_id ON output_file (temporal_entity_id);

CREATE TABLE preview_file (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT,
  original_name TEXT,
  revision INTEGER DEFAULT 1,
  position INTEGER DEFAULT 1,
  extension TEXT,
  description TEXT,
  path TEXT,
  source TEXT,
  file_size INTEGER DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'processing',
  validation_status TEXT NOT NULL DEFAULT 'neutral',
  annotations TEXT,
  width INTEGER DEFAULT 0,
  height INTEGER DEFAULT 0,
  duration REAL DEFAULT 0,
  data TEXT,
  token_in INTEGER,
  token_out INTEGER,
  task_id TEXT REFERENCES task(id),
  person_id TEXT REFERENCES person(id),
  source_file_id TEXT REFERENCES output_file(id),
  shotgun_id INTEGER UNIQUE,
  is_movie INTEGER DEFAULT 0,
  url TEXT,
  uploaded_movie_url TEXT,
  uploaded_movie_name TEXT,
  UNIQUE (name, task_id, revision)
);
CREATE INDEX ix_preview_file_task_id ON preview_file (task_id);
CREATE INDEX ix_preview_file_source_file_id ON preview_file (source_file_id);

CREATE TABLE comment (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  shotgun_id INTEGER,
  object_id TEXT NOT NULL,
  object_type TEXT NOT NULL,
  text TEXT,
  data TEXT,
  replies TEXT DEFAULT '[]',
  checklist TEXT,
  pinned INTEGER,
  for_client INTEGER DEFAULT 0,
  links TEXT,
  task_status_id TEXT REFERENCES task_status(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  editor_id TEXT REFERENCES person(id),
  preview_file_id TEXT REFERENCES preview_file(id)
);
CREATE INDEX ix_comment_object_id_created_at ON comment (object_id, created_at);
CREATE INDEX ix_comment_task_status_id ON comment (task_status_id);
CREATE INDEX ix_comment_person_id ON comment (person_id);

CREATE TABLE comment_preview_link (
  comment TEXT NOT NULL REFERENCES comment(id),
  preview_file TEXT NOT NULL REFERENCES preview_file(id),
  PRIMARY KEY (comment, preview_file)
);
CREATE INDEX ix_comment_preview_link_preview_file ON comment_preview_link (preview_file);

CREATE TABLE comment_mentions (
  comment TEXT NOT NULL REFERENCES comment(id),
  person TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (comment, person)
);

CREATE TABLE comment_department_mentions (
  comment TEXT NOT NULL REFERENCES comment(id),
  department TEXT NOT NULL REFERENCES department(id),
  PRIMARY KEY (comment, department)
);

CREATE TABLE comment_acknoledgments (
  comment TEXT NOT NULL REFERENCES comment(id),
  person TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (comment, person)
);

CREATE TABLE chat (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  object_id TEXT NOT NULL,
  object_type TEXT NOT NULL DEFAULT 'entity',
  last_message TEXT
);
CREATE INDEX ix_chat_object_id ON chat (object_id);

CREATE TABLE chat_participant (
  chat_id TEXT NOT NULL REFERENCES chat(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (chat_id, person_id)
);
CREATE INDEX ix_chat_participant_person_id ON chat_participant (person_id);

CREATE TABLE chat_message (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  chat_id TEXT NOT NULL REFERENCES chat(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  text TEXT
);
CREATE INDEX ix_chat_message_chat_id ON chat_message (chat_id);

CREATE TABLE attachment_file (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT,
  size INTEGER DEFAULT 1,
  extension TEXT,
  mimetype TEXT,
  comment_id TEXT REFERENCES comment(id),
  reply_id TEXT,
  chat_message_id TEXT REFERENCES chat_message(id)
);
CREATE INDEX ix_attachment_file_comment_id ON attachment_file (comment_id);
CREATE INDEX ix_attachment_file_chat_message_id ON attachment_file (chat_message_id);

CREATE TABLE time_spent (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  duration REAL NOT NULL CHECK (duration > 0),
  date TEXT NOT NULL,
  task_id TEXT REFERENCES task(id),
  person_id TEXT REFERENCES person(id),
  UNIQUE (person_id, task_id, date)
);
CREATE INDEX ix_time_spent_task_id ON time_spent (task_id);
CREATE INDEX ix_time_spent_person_id_date ON time_spent (person_id, date);

CREATE TABLE day_off (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  description TEXT,
  person_id TEXT REFERENCES person(id),
  UNIQUE (person_id, date),
  CHECK (date <= end_date)
);

CREATE TABLE playlist (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  shots TEXT,
  project_id TEXT REFERENCES project(id),
  episode_id TEXT REFERENCES entity(id),
  task_type_id TEXT REFERENCES task_type(id),
  for_client INTEGER DEFAULT 0,
  for_entity TEXT DEFAULT 'shot',
  is_for_all INTEGER DEFAULT 0,
  created_by TEXT REFERENCES person(id),
  UNIQUE (name, project_id, episode_id)
);
CREATE INDEX ix_playlist_project_id ON playlist (project_id);
CREATE INDEX ix_playlist_episode_id ON playlist (episode_id);

CREATE TABLE build_job (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'running',
  job_type TEXT NOT NULL DEFAULT 'movie',
  ended_at TEXT,
  playlist_id TEXT NOT NULL REFERENCES playlist(id)
);
CREATE INDEX ix_build_job_playlist_id ON build_job (playlist_id);

CREATE TABLE playlist_share_link (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  playlist_id TEXT NOT NULL REFERENCES playlist(id),
  created_by TEXT NOT NULL REFERENCES person(id),
  expiration_date TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  can_comment INTEGER NOT NULL DEFAULT 1,
  password TEXT
);
CREATE INDEX ix_playlist_share_link_playlist_active ON playlist_share_link (playlist_id, is_active);

CREATE TABLE notification (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  change INTEGER NOT NULL DEFAULT 0,
  type TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES person(id),
  author_id TEXT NOT NULL REFERENCES person(id),
  comment_id TEXT REFERENCES comment(id),
  task_id TEXT REFERENCES task(id),
  playlist_id TEXT REFERENCES playlist(id),
  reply_id TEXT,
  UNIQUE (person_id, author_id, comment_id, reply_id, playlist_id, type)
);
CREATE INDEX ix_notification_comment_id ON notification (comment_id);
CREATE INDEX ix_notification_task_id ON notification (task_id);

CREATE TABLE subscription (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES person(id),
  task_id TEXT REFERENCES task(id),
  entity_id TEXT REFERENCES entity(id),
  task_type_id TEXT REFERENCES task_type(id),
  UNIQUE (person_id, task_id),
  UNIQUE (person_id, task_type_id, entity_id)
);
CREATE INDEX ix_subscription_task_id ON subscription (task_id);

CREATE TABLE news (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  change INTEGER NOT NULL DEFAULT 0,
  author_id TEXT NOT NULL REFERENCES person(id),
  comment_id TEXT REFERENCES comment(id),
  task_id TEXT NOT NULL REFERENCES task(id),
  preview_file_id TEXT REFERENCES preview_file(id)
);
CREATE INDEX ix_news_task_id ON news (task_id);
CREATE INDEX ix_news_comment_id ON news (comment_id);
CREATE INDEX ix_news_created_at ON news (created_at);

CREATE TABLE milestone (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  date TEXT,
  name TEXT NOT NULL,
  project_id TEXT REFERENCES project(id),
  task_type_id TEXT REFERENCES task_type(id)
);
CREATE INDEX ix_milestone_project_id ON milestone (project_id);

CREATE TABLE schedule_item (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  man_days INTEGER,
  project_id TEXT REFERENCES project(id),
  task_type_id TEXT REFERENCES task_type(id),
  object_id TEXT,
  UNIQUE (project_id, task_type_id, object_id)
);
CREATE INDEX ix_schedule_item_task_type_id ON schedule_item (task_type_id);

CREATE TABLE budget (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  project_id TEXT REFERENCES project(id),
  revision INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  currency TEXT
);
CREATE INDEX ix_budget_project_id ON budget (project_id);

CREATE TABLE budget_entry (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  budget_id TEXT NOT NULL REFERENCES budget(id),
  department_id TEXT NOT NULL REFERENCES department(id),
  person_id TEXT REFERENCES person(id),
  start_date TEXT NOT NULL,
  months_duration INTEGER NOT NULL,
  daily_salary REAL NOT NULL,
  position TEXT DEFAULT 'artist',
  seniority TEXT DEFAULT 'mid',
  exceptions TEXT
);
CREATE INDEX ix_budget_entry_budget_id ON budget_entry (budget_id);

CREATE TABLE salary_scale (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  department_id TEXT NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  position TEXT DEFAULT 'artist',
  seniority TEXT DEFAULT 'mid',
  salary INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_salary_scale_department_id ON salary_scale (department_id);

CREATE TABLE metadata_descriptor (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES project(id),
  entity_type TEXT NOT NULL,
  task_type_id TEXT REFERENCES task_type(id),
  name TEXT NOT NULL,
  data_type TEXT,
  field_name TEXT NOT NULL,
  choices TEXT,
  for_client INTEGER DEFAULT 0,
  position INTEGER
);
CREATE UNIQUE INDEX metadata_descriptor_uc
  ON metadata_descriptor (project_id, entity_type, name) WHERE task_type_id IS NULL;
CREATE UNIQUE INDEX metadata_descriptor_uc2
  ON metadata_descriptor (project_id, entity_type, field_name) WHERE task_type_id IS NULL;
CREATE UNIQUE INDEX metadata_descriptor_task_type_uc
  ON metadata_descriptor (project_id, entity_type, task_type_id, name)
  WHERE task_type_id IS NOT NULL;
CREATE UNIQUE INDEX metadata_descriptor_task_type_uc2
  ON metadata_descriptor (project_id, entity_type, task_type_id, field_name)
  WHERE task_type_id IS NOT NULL;

CREATE TABLE department_metadata_descriptor_link (
  metadata_descriptor_id TEXT NOT NULL REFERENCES metadata_descriptor(id),
  department_id TEXT NOT NULL REFERENCES department(id),
  PRIMARY KEY (metadata_descriptor_id, department_id)
);
CREATE INDEX ix_department_metadata_descriptor_link_department_id
  ON department_metadata_descriptor_link (department_id);

CREATE TABLE search_filter_group (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  list_type TEXT NOT NULL,
  entity_type TEXT,
  name TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL DEFAULT '',
  is_shared INTEGER NOT NULL DEFAULT 0,
  person_id TEXT REFERENCES person(id),
  project_id TEXT REFERENCES project(id),
  department_id TEXT REFERENCES department(id)
);
CREATE INDEX ix_search_filter_group_person_id ON search_filter_group (person_id);

CREATE TABLE search_filter (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  list_type TEXT NOT NULL,
  entity_type TEXT,
  name TEXT NOT NULL DEFAULT '',
  search_query TEXT NOT NULL DEFAULT '',
  is_shared INTEGER NOT NULL DEFAULT 0,
  department_id TEXT REFERENCES department(id),
  search_filter_group_id TEXT REFERENCES search_filter_group(id),
  person_id TEXT REFERENCES person(id),
  project_id TEXT REFERENCES project(id)
);
CREATE INDEX ix_search_filter_person_id ON search_filter (person_id);

CREATE TABLE plugin (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  plugin_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  version TEXT NOT NULL,
  maintainer_name TEXT NOT NULL,
  maintainer_email TEXT,
  website TEXT,
  license TEXT NOT NULL,
  revision TEXT,
  frontend_project_enabled INTEGER DEFAULT 0,
  frontend_studio_enabled INTEGER DEFAULT 0,
  icon TEXT
);

CREATE TABLE api_event (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  user_id TEXT REFERENCES person(id),
  project_id TEXT REFERENCES project(id),
  data TEXT
);
CREATE INDEX ix_api_event_created_at ON api_event (created_at);
CREATE INDEX ix_api_event_project_id_created_at ON api_event (project_id, created_at);
CREATE INDEX ix_api_event_name ON api_event (name);

CREATE TABLE organisation (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  hours_by_day REAL NOT NULL DEFAULT 8,
  has_avatar INTEGER DEFAULT 0,
  use_original_file_name INTEGER DEFAULT 0,
  timesheets_locked INTEGER DEFAULT 0,
  format_duration_in_hours INTEGER DEFAULT 0,
  hd_by_default INTEGER DEFAULT 0,
  chat_token_slack TEXT DEFAULT '',
  chat_webhook_mattermost TEXT DEFAULT '',
  chat_token_discord TEXT DEFAULT '',
  dark_theme_by_default INTEGER DEFAULT 0
);

CREATE TABLE login_log (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES person(id),
  ip_address TEXT,
  origin TEXT
);
CREATE INDEX ix_login_log_person_id ON login_log (person_id);

CREATE TABLE desktop_login_log (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES person(id),
  date TEXT NOT NULL
);
CREATE INDEX ix_desktop_login_log_person_id ON desktop_login_log (person_id);

CREATE TABLE custom_action (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT,
  entity_type TEXT DEFAULT 'all',
  is_ajax INTEGER DEFAULT 0
);

CREATE TABLE project_template (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  fps TEXT DEFAULT '25',
  ratio TEXT DEFAULT '16:9',
  resolution TEXT DEFAULT '1920x1080',
  production_type TEXT DEFAULT 'short',
  production_style TEXT NOT NULL DEFAULT '2d3d',
  max_retakes INTEGER DEFAULT 0,
  is_clients_isolated INTEGER DEFAULT 0,
  is_preview_download_allowed INTEGER DEFAULT 0,
  is_set_preview_automated INTEGER DEFAULT 0,
  is_publish_default_for_artists INTEGER DEFAULT 0,
  is_single_preview_per_revision INTEGER DEFAULT 0,
  is_frame_in_numbering INTEGER DEFAULT 0,
  revision_padding INTEGER NOT NULL DEFAULT 0,
  homepage TEXT DEFAULT 'assets',
  hd_bitrate_compression INTEGER DEFAULT 28,
  ld_bitrate_compression INTEGER DEFAULT 6,
  file_tree TEXT,
  data TEXT,
  metadata_descriptors TEXT DEFAULT '[]',
  default_preview_background_file_id TEXT REFERENCES preview_background_file(id)
);

CREATE TABLE project_template_task_type_link (
  ${LINK_MODEL_COLUMNS},
  project_template_id TEXT NOT NULL REFERENCES project_template(id),
  task_type_id TEXT NOT NULL REFERENCES task_type(id),
  priority INTEGER,
  PRIMARY KEY (project_template_id, task_type_id)
);

CREATE TABLE project_template_task_status_link (
  ${LINK_MODEL_COLUMNS},
  project_template_id TEXT NOT NULL REFERENCES project_template(id),
  task_status_id TEXT NOT NULL REFERENCES task_status(id),
  priority INTEGER,
  roles_for_board TEXT DEFAULT ${ROLES_FOR_BOARD},
  PRIMARY KEY (project_template_id, task_status_id)
);

CREATE TABLE project_template_asset_type_link (
  project_template_id TEXT NOT NULL REFERENCES project_template(id),
  asset_type_id TEXT NOT NULL REFERENCES entity_type(id),
  PRIMARY KEY (project_template_id, asset_type_id)
);

CREATE TABLE project_template_status_automation_link (
  project_template_id TEXT NOT NULL REFERENCES project_template(id),
  status_automation_id TEXT NOT NULL REFERENCES status_automation(id),
  PRIMARY KEY (project_template_id, status_automation_id)
);

CREATE TABLE project_template_preview_background_file_link (
  project_template_id TEXT NOT NULL REFERENCES project_template(id),
  preview_background_file_id TEXT NOT NULL REFERENCES preview_background_file(id),
  PRIMARY KEY (project_template_id, preview_background_file_id)
);

CREATE TABLE production_schedule_version_task_link (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  production_schedule_version_id TEXT NOT NULL
    REFERENCES production_schedule_version(id) ON DELETE CASCADE,
  task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  start_date TEXT,
  due_date TEXT,
  estimation REAL DEFAULT 0,
  UNIQUE (production_schedule_version_id, task_id)
);
CREATE INDEX ix_production_schedule_version_task_link_task_id
  ON production_schedule_version_task_link (task_id);

CREATE TABLE production_schedule_version_task_link_person_link (
  production_schedule_version_task_link_id TEXT NOT NULL
    REFERENCES production_schedule_version_task_link(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  PRIMARY KEY (production_schedule_version_task_link_id, person_id)
);

CREATE TABLE data_import_error (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  event_data TEXT NOT NULL,
  source TEXT
);

CREATE TABLE revoked_token (
  jti TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
);
CREATE INDEX ix_revoked_token_expires_at ON revoked_token (expires_at);

CREATE TABLE server_setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`);
  },
};
