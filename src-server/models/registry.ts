import type { ColumnDef, ModelDef, RelationDef } from './model-def';

const uuid = (extra: Partial<ColumnDef> = {}): ColumnDef => ({ type: 'uuid', ...extra });
const str = (maxLength?: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  type: 'string',
  ...(maxLength === undefined ? {} : { maxLength }),
  ...extra,
});
const text = (extra: Partial<ColumnDef> = {}): ColumnDef => ({ type: 'text', ...extra });
const int = (defaultValue?: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  type: 'int',
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...extra,
});
const float = (defaultValue?: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  type: 'float',
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...extra,
});
const bool = (defaultValue?: boolean, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  type: 'bool',
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...extra,
});
const json = (extra: Partial<ColumnDef> = {}): ColumnDef => ({ type: 'json', ...extra });
const date = (extra: Partial<ColumnDef> = {}): ColumnDef => ({ type: 'date', ...extra });
const datetime = (extra: Partial<ColumnDef> = {}): ColumnDef => ({ type: 'datetime', ...extra });
const choice = (
  choices: readonly string[],
  defaultValue?: string,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  type: 'choice',
  choices,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...extra,
});
const notNull = { notNull: true } as const;

function rel(
  key: string,
  linkTable: string,
  ownColumn: string,
  otherColumn: string,
  otherTable: string,
): RelationDef {
  return { key, linkTable, ownColumn, otherColumn, otherTable };
}

function define(def: Omit<ModelDef, 'eventName' | 'relations'> & Partial<ModelDef>): ModelDef {
  return { relations: [], eventName: def.table.replace(/_/g, '-'), ...def };
}

export const ROLES = ['user', 'admin', 'supervisor', 'manager', 'client', 'vendor'] as const;
export const CONTRACT_TYPES = [
  'open-ended',
  'fixed-term',
  'short-term',
  'freelance',
  'apprentice',
  'internship',
] as const;
export const POSITIONS = ['supervisor', 'lead', 'artist'] as const;
export const SENIORITIES = ['senior', 'mid', 'junior'] as const;
export const TWO_FACTOR_TYPES = ['totp', 'email_otp', 'fido'] as const;
export const DISPLAY_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export const PRODUCTION_STYLES = [
  '2d',
  '2dpaper',
  '3d',
  '2d3d',
  'ar',
  'vfx',
  'stop-motion',
  'motion-design',
  'archviz',
  'commercial',
  'catalog',
  'immersive',
  'nft',
  'video-game',
  'vr',
] as const;
export const ENTITY_STATUSES = ['standby', 'running', 'complete', 'canceled'] as const;
export const TASK_TYPE_ENTITIES = [
  'Asset',
  'Shot',
  'Sequence',
  'Episode',
  'Edit',
  'Concept',
  'Scene',
] as const;
export const PREVIEW_STATUSES = ['processing', 'ready', 'broken', 'missing'] as const;
export const VALIDATION_STATUSES = ['validated', 'rejected', 'neutral'] as const;
export const NOTIFICATION_TYPES = [
  'comment',
  'mention',
  'assignation',
  'reply',
  'reply-mention',
  'playlist-ready',
] as const;
export const METADATA_DATA_TYPES = [
  'string',
  'number',
  'list',
  'taglist',
  'boolean',
  'checklist',
  'date',
  'url',
  'textarea',
  'person',
] as const;
export const STATUS_AUTOMATION_FIELDS = ['status', 'ready_for'] as const;

const person = define({
  typeName: 'Person',
  table: 'person',
  slug: 'persons',
  columns: {
    first_name: str(80, notNull),
    last_name: str(80, notNull),
    email: str(255),
    phone: str(30),
    country: str(2),
    contract_type: choice(CONTRACT_TYPES, 'open-ended', notNull),
    active: bool(true),
    archived: bool(false),
    last_presence: date(),
    password: str(60),
    desktop_login: str(80),
    login_failed_attemps: int(0),
    last_login_failed: datetime(),
    totp_enabled: bool(false),
    totp_secret: str(32),
    email_otp_enabled: bool(false),
    email_otp_secret: str(32),
    fido_enabled: bool(false),
    fido_credentials: json(),
    otp_recovery_codes: json(),
    preferred_two_factor_authentication: choice(TWO_FACTOR_TYPES),
    shotgun_id: int(),
    timezone: str(255, { default: 'Europe/Paris' }),
    locale: str(10, { default: 'en_US' }),
    use_12_hour_clock: bool(false),
    display_date_format: choice(DISPLAY_DATE_FORMATS, 'YYYY-MM-DD', { maxLength: 20 }),
    data: json(),
    role: choice(ROLES, 'user', notNull),
    position: choice(POSITIONS, 'artist'),
    seniority: choice(SENIORITIES, 'mid'),
    daily_salary: int(0),
    has_avatar: bool(false),
    notifications_enabled: bool(false),
    notifications_slack_enabled: bool(false),
    notifications_slack_userid: str(60, { default: '' }),
    notifications_mattermost_enabled: bool(false),
    notifications_mattermost_userid: str(60, { default: '' }),
    notifications_discord_enabled: bool(false),
    notifications_discord_userid: str(60, { default: '' }),
    is_bot: bool(false, notNull),
    is_guest: bool(false, notNull),
    jti: str(60),
    expiration_date: date(),
    is_generated_from_ldap: bool(false),
    ldap_uid: str(60),
    studio_id: uuid(),
  },
  relations: [rel('departments', 'department_link', 'person_id', 'department_id', 'department')],
  protectedKeys: ['password', 'jti'],
  sensitiveKeys: [
    'password',
    'totp_secret',
    'email_otp_secret',
    'otp_recovery_codes',
    'fido_credentials',
    'fido_devices',
    'jti',
    'login_failed_attemps',
    'last_login_failed',
  ],
  // Email is unique among non-bots only (a partial index on lower(email)).
  unique: [['email'], ['jti'], ['ldap_uid'], ['shotgun_id']],
});

const projectSettings = {
  fps: str(10, { default: '25' }),
  ratio: str(10, { default: '16:9' }),
  resolution: str(12, { default: '1920x1080' }),
  production_type: str(20, { default: 'short' }),
  production_style: choice(PRODUCTION_STYLES, '2d3d', notNull),
  max_retakes: int(0),
  is_clients_isolated: bool(false),
  is_preview_download_allowed: bool(false),
  is_set_preview_automated: bool(false),
  homepage: str(80, { default: 'assets' }),
  is_publish_default_for_artists: bool(false),
  is_single_preview_per_revision: bool(false),
  is_frame_in_numbering: bool(false),
  revision_padding: int(0, notNull),
  hd_bitrate_compression: int(28),
  ld_bitrate_compression: int(6),
  file_tree: json(),
  data: json(),
  default_preview_background_file_id: uuid(),
} satisfies Record<string, ColumnDef>;

const project = define({
  typeName: 'Project',
  table: 'project',
  slug: 'projects',
  columns: {
    name: str(80, notNull),
    code: str(80),
    description: text(),
    shotgun_id: int(),
    has_avatar: bool(false),
    start_date: date(),
    end_date: date(),
    man_days: int(),
    nb_episodes: int(0),
    episode_span: int(0),
    is_bot_collaboration_enabled: bool(false),
    project_status_id: uuid(),
    from_schedule_version_id: uuid(),
    ...projectSettings,
  },
  relations: [
    rel('team', 'project_person_link', 'project_id', 'person_id', 'person'),
    rel('asset_types', 'project_asset_type_link', 'project_id', 'asset_type_id', 'entity_type'),
    rel('task_statuses', 'project_task_status_link', 'project_id', 'task_status_id', 'task_status'),
    rel('task_types', 'project_task_type_link', 'project_id', 'task_type_id', 'task_type'),
    rel(
      'status_automations',
      'project_status_automation_link',
      'project_id',
      'status_automation_id',
      'status_automation',
    ),
    rel(
      'preview_background_files',
      'project_preview_background_file_link',
      'project_id',
      'preview_background_file_id',
      'preview_background_file',
    ),
  ],
  protectedKeys: ['team'],
  unique: [['name']],
});

const projectStatus = define({
  typeName: 'ProjectStatus',
  table: 'project_status',
  slug: 'project-status',
  columns: { name: str(20, notNull), color: str(7, notNull) },
  unique: [['name']],
});

const projectTemplate = define({
  typeName: 'ProjectTemplate',
  table: 'project_template',
  slug: 'project-templates',
  columns: {
    name: str(80, notNull),
    description: text(),
    ...projectSettings,
    metadata_descriptors: json({ default: [] }),
  },
  relations: [
    rel(
      'task_types',
      'project_template_task_type_link',
      'project_template_id',
      'task_type_id',
      'task_type',
    ),
    rel(
      'task_statuses',
      'project_template_task_status_link',
      'project_template_id',
      'task_status_id',
      'task_status',
    ),
    rel(
      'asset_types',
      'project_template_asset_type_link',
      'project_template_id',
      'asset_type_id',
      'entity_type',
    ),
    rel(
      'status_automations',
      'project_template_status_automation_link',
      'project_template_id',
      'status_automation_id',
      'status_automation',
    ),
    rel(
      'preview_background_files',
      'project_template_preview_background_file_link',
      'project_template_id',
      'preview_background_file_id',
      'preview_background_file',
    ),
  ],
  unique: [['name']],
});

const entityType = define({
  typeName: 'EntityType',
  table: 'entity_type',
  slug: 'entity-types',
  columns: {
    name: str(30, notNull),
    short_name: str(20),
    description: text(),
    archived: bool(false),
  },
  relations: [
    rel('task_types', 'task_type_asset_type_link', 'asset_type_id', 'task_type_id', 'task_type'),
  ],
  unique: [['name']],
});

const entity = define({
  typeName: 'Entity',
  table: 'entity',
  slug: 'entities',
  columns: {
    name: str(160, notNull),
    code: str(160),
    description: text(),
    shotgun_id: int(),
    canceled: bool(false),
    nb_frames: int(),
    nb_entities_out: int(0),
    is_casting_standby: bool(false),
    is_shared: bool(false, notNull),
    status: choice(ENTITY_STATUSES, 'running', notNull),
    project_id: uuid(notNull),
    entity_type_id: uuid(notNull),
    parent_id: uuid(),
    source_id: uuid(),
    preview_file_id: uuid(),
    data: json(),
    ready_for: uuid(),
    created_by: uuid(),
  },
  relations: [
    rel('entities_out', 'entity_link', 'entity_in_id', 'entity_out_id', 'entity'),
    rel('entities_in', 'entity_link', 'entity_out_id', 'entity_in_id', 'entity'),
    rel('entity_concept_links', 'entity_concept_link', 'entity_in_id', 'entity_out_id', 'entity'),
    rel(
      'instance_casting',
      'asset_instance_link',
      'entity_id',
      'asset_instance_id',
      'asset_instance',
    ),
  ],
  protectedKeys: [
    'instance_casting',
    'entities_in',
    'entities_out',
    'type',
    'shotgun_id',
    'created_by',
  ],
  // parent_id compares through COALESCE(parent_id, '') so top-level names are unique too.
  unique: [['name', 'project_id', 'entity_type_id', 'parent_id']],
});

const entityLink = define({
  typeName: 'EntityLink',
  table: 'entity_link',
  slug: 'entity-links',
  columns: {
    entity_in_id: uuid(notNull),
    entity_out_id: uuid(notNull),
    data: json(),
    nb_occurences: int(1),
    label: str(80, { default: '' }),
  },
  unique: [['entity_in_id', 'entity_out_id']],
});

const assetInstance = define({
  typeName: 'AssetInstance',
  table: 'asset_instance',
  slug: 'asset-instances',
  columns: {
    asset_id: uuid(notNull),
    name: str(80),
    number: int(),
    description: str(200),
    active: bool(true),
    data: json(),
    scene_id: uuid(),
    target_asset_id: uuid(),
    entity_id: uuid(),
    entity_type_id: uuid(),
  },
  relations: [rel('shots', 'asset_instance_link', 'asset_instance_id', 'entity_id', 'entity')],
  protectedKeys: ['number'],
  unique: [['asset_id', 'target_asset_id', 'scene_id', 'number']],
});

const taskType = define({
  typeName: 'TaskType',
  table: 'task_type',
  slug: 'task-types',
  columns: {
    name: str(40, notNull),
    short_name: str(20),
    description: text(),
    color: str(7, { default: '#FFFFFF' }),
    priority: int(1),
    // A plain string column in Zou; the Kitsu clients only ever send these values.
    for_entity: choice(TASK_TYPE_ENTITIES, 'Asset', { maxLength: 30 }),
    allow_timelog: bool(true),
    archived: bool(false),
    shotgun_id: int(),
    department_id: uuid(),
  },
  unique: [['name', 'for_entity', 'department_id']],
});

const taskStatus = define({
  typeName: 'TaskStatus',
  table: 'task_status',
  slug: 'task-status',
  columns: {
    name: str(40, notNull),
    archived: bool(false),
    short_name: str(10, notNull),
    description: text(),
    color: str(7, notNull),
    priority: int(1),
    is_done: bool(false),
    is_artist_allowed: bool(true),
    is_client_allowed: bool(true),
    is_retake: bool(false),
    is_feedback_request: bool(false),
    is_default: bool(false),
    is_wip: bool(false),
    shotgun_id: int(),
    for_concept: bool(false),
  },
  unique: [['short_name']],
});

const task = define({
  typeName: 'Task',
  table: 'task',
  slug: 'tasks',
  columns: {
    name: str(80, { notNull: true, default: 'main' }),
    description: text(),
    priority: int(0),
    difficulty: int(3, notNull),
    duration: float(0),
    estimation: float(0),
    completion_rate: int(0),
    retake_count: int(0),
    sort_order: int(0),
    start_date: datetime(),
    due_date: datetime(),
    real_start_date: datetime(),
    end_date: datetime(),
    done_date: datetime(),
    last_comment_date: datetime(),
    nb_assets_ready: int(0),
    data: json(),
    nb_drawings: int(0),
    shotgun_id: int(),
    last_preview_file_id: uuid(),
    project_id: uuid(),
    task_type_id: uuid(),
    task_status_id: uuid(),
    entity_id: uuid(),
    assigner_id: uuid(),
  },
  relations: [rel('assignees', 'task_person_link', 'task_id', 'person_id', 'person')],
  unique: [['name', 'project_id', 'task_type_id', 'entity_id']],
});

const department = define({
  typeName: 'Department',
  table: 'department',
  slug: 'departments',
  columns: { name: str(80, notNull), color: str(7, notNull), archived: bool(false) },
  unique: [['name']],
});

const studio = define({
  typeName: 'Studio',
  table: 'studio',
  slug: 'studios',
  columns: { name: str(80, notNull), color: str(7, notNull), archived: bool(false) },
  unique: [['name']],
});

const organisation = define({
  typeName: 'Organisation',
  table: 'organisation',
  slug: 'organisations',
  columns: {
    name: str(80, notNull),
    hours_by_day: float(8, notNull),
    has_avatar: bool(false),
    use_original_file_name: bool(false),
    timesheets_locked: bool(false),
    format_duration_in_hours: bool(false),
    hd_by_default: bool(false),
    chat_token_slack: str(80, { default: '' }),
    chat_webhook_mattermost: str(80, { default: '' }),
    chat_token_discord: str(80, { default: '' }),
    dark_theme_by_default: bool(false),
  },
  unique: [['name']],
});

const fileStatus = define({
  typeName: 'FileStatus',
  table: 'file_status',
  slug: 'file-status',
  columns: { name: str(40, notNull), color: str(7, notNull) },
  unique: [['name']],
});

const software = define({
  typeName: 'Software',
  table: 'software',
  slug: 'softwares',
  columns: {
    name: str(40, notNull),
    short_name: str(20, notNull),
    archived: bool(false),
    version: str(20),
    file_extension: str(20, notNull),
    secondary_extensions: json(),
    monthly_cost: int(0),
    inventory_amount: int(0),
  },
  unique: [['name']],
});

const hardwareItem = define({
  typeName: 'HardwareItem',
  table: 'hardware_item',
  slug: 'hardware-items',
  columns: {
    name: str(40, notNull),
    short_name: str(20, notNull),
    archived: bool(false),
    monthly_cost: int(0),
    inventory_amount: int(0),
  },
  unique: [['name']],
});

const outputFile = define({
  typeName: 'OutputFile',
  table: 'output_file',
  slug: 'output-files',
  columns: {
    shotgun_id: int(),
    name: str(250, notNull),
    canceled: bool(false, notNull),
    size: int(),
    checksum: str(32),
    description: text(),
    comment: text(),
    extension: str(10),
    revision: int(undefined, notNull),
    representation: str(20),
    nb_elements: int(1),
    source: str(40),
    path: str(400),
    data: json(),
    file_status_id: uuid(notNull),
    entity_id: uuid(),
    asset_instance_id: uuid(),
    output_type_id: uuid(),
    task_type_id: uuid(),
    person_id: uuid(),
    source_file_id: uuid(),
    temporal_entity_id: uuid(),
  },
  unique: [
    [
      'name',
      'entity_id',
      'asset_instance_id',
      'output_type_id',
      'task_type_id',
      'temporal_entity_id',
      'representation',
      'revision',
    ],
  ],
});

const outputType = define({
  typeName: 'OutputType',
  table: 'output_type',
  slug: 'output-types',
  columns: { name: str(40, notNull), short_name: str(20, notNull) },
  unique: [['name']],
});

const previewFile = define({
  typeName: 'PreviewFile',
  table: 'preview_file',
  slug: 'preview-files',
  columns: {
    name: str(250),
    original_name: str(250),
    revision: int(1),
    position: int(1),
    extension: str(6),
    description: text(),
    path: str(400),
    source: str(40),
    file_size: int(0),
    status: choice(PREVIEW_STATUSES, 'processing', notNull),
    validation_status: choice(VALIDATION_STATUSES, 'neutral', notNull),
    annotations: json(),
    width: int(0),
    height: int(0),
    duration: float(0),
    data: json(),
    token_in: int(),
    token_out: int(),
    task_id: uuid(),
    person_id: uuid(),
    source_file_id: uuid(),
    shotgun_id: int(),
    is_movie: bool(false),
    url: str(600),
    uploaded_movie_url: str(600),
    uploaded_movie_name: str(150),
  },
  relations: [rel('comments', 'comment_preview_link', 'preview_file', 'comment', 'comment')],
  unique: [['name', 'task_id', 'revision'], ['shotgun_id']],
});

const workingFile = define({
  typeName: 'WorkingFile',
  table: 'working_file',
  slug: 'working-files',
  columns: {
    shotgun_id: int(),
    name: str(250),
    description: text(),
    comment: text(),
    revision: int(),
    size: int(),
    checksum: int(),
    path: str(400),
    data: json(),
    task_id: uuid(),
    entity_id: uuid(),
    person_id: uuid(),
    software_id: uuid(),
  },
  unique: [['name', 'task_id', 'entity_id', 'revision']],
});

const attachmentFile = define({
  typeName: 'AttachmentFile',
  table: 'attachment_file',
  slug: 'attachment-files',
  columns: {
    name: str(250),
    size: int(1),
    extension: str(6),
    mimetype: str(255),
    comment_id: uuid(),
    reply_id: uuid(),
    chat_message_id: uuid(),
  },
});

const comment = define({
  typeName: 'Comment',
  table: 'comment',
  slug: 'comments',
  columns: {
    shotgun_id: int(),
    object_id: uuid(notNull),
    object_type: str(80, notNull),
    text: text(),
    data: json(),
    replies: json({ default: [] }),
    checklist: json(),
    pinned: bool(),
    for_client: bool(false),
    links: json(),
    task_status_id: uuid(),
    person_id: uuid(notNull),
    editor_id: uuid(),
    preview_file_id: uuid(),
  },
  relations: [
    rel('previews', 'comment_preview_link', 'comment', 'preview_file', 'preview_file'),
    rel('mentions', 'comment_mentions', 'comment', 'person', 'person'),
    rel(
      'department_mentions',
      'comment_department_mentions',
      'comment',
      'department',
      'department',
    ),
    rel('acknowledgements', 'comment_acknoledgments', 'comment', 'person', 'person'),
  ],
  protectedKeys: ['mentions', 'department_mentions'],
});

const timeSpent = define({
  typeName: 'TimeSpent',
  table: 'time_spent',
  slug: 'time-spents',
  columns: {
    duration: float(undefined, notNull),
    date: date(notNull),
    task_id: uuid(),
    person_id: uuid(),
  },
  unique: [['person_id', 'task_id', 'date']],
});

const dayOff = define({
  typeName: 'DayOff',
  table: 'day_off',
  slug: 'day-offs',
  columns: {
    date: date(notNull),
    end_date: date(notNull),
    description: text(),
    person_id: uuid(),
  },
  unique: [['person_id', 'date']],
});

const customAction = define({
  typeName: 'CustomAction',
  table: 'custom_action',
  slug: 'custom-actions',
  columns: {
    name: str(80, notNull),
    url: str(400),
    entity_type: str(40, { default: 'all' }),
    is_ajax: bool(false),
  },
});

const statusAutomation = define({
  typeName: 'StatusAutomation',
  table: 'status_automation',
  slug: 'status-automations',
  columns: {
    entity_type: str(40, { default: 'asset' }),
    in_task_type_id: uuid(),
    in_task_status_id: uuid(),
    out_field_type: choice(STATUS_AUTOMATION_FIELDS, 'status', notNull),
    out_task_type_id: uuid(),
    out_task_status_id: uuid(),
    import_last_revision: bool(false),
    archived: bool(false),
  },
});

const playlist = define({
  typeName: 'Playlist',
  table: 'playlist',
  slug: 'playlists',
  columns: {
    name: str(80, notNull),
    shots: json(),
    project_id: uuid(),
    episode_id: uuid(),
    task_type_id: uuid(),
    for_client: bool(false),
    for_entity: str(10, { default: 'shot' }),
    is_for_all: bool(false),
    created_by: uuid(),
  },
  unique: [['name', 'project_id', 'episode_id']],
});

const apiEvent = define({
  typeName: 'ApiEvent',
  table: 'api_event',
  slug: 'events',
  columns: {
    name: str(80, notNull),
    user_id: uuid(),
    project_id: uuid(),
    data: json(),
  },
});

const notification = define({
  typeName: 'Notification',
  table: 'notification',
  slug: 'notifications',
  columns: {
    read: bool(false, notNull),
    change: bool(false, notNull),
    // Served as `notification_type`: the serialized `type` key is the model name.
    type: choice(NOTIFICATION_TYPES, undefined, notNull),
    person_id: uuid(notNull),
    author_id: uuid(notNull),
    comment_id: uuid(),
    task_id: uuid(),
    playlist_id: uuid(),
    reply_id: uuid(),
  },
  unique: [['person_id', 'author_id', 'comment_id', 'reply_id', 'playlist_id', 'type']],
});

const searchFilter = define({
  typeName: 'SearchFilter',
  table: 'search_filter',
  slug: 'search-filters',
  columns: {
    list_type: str(80, notNull),
    entity_type: str(80),
    name: str(200, { notNull: true, default: '' }),
    search_query: str(500, { notNull: true, default: '' }),
    is_shared: bool(false, notNull),
    department_id: uuid(),
    search_filter_group_id: uuid(),
    person_id: uuid(),
    project_id: uuid(),
  },
});

const searchFilterGroup = define({
  typeName: 'SearchFilterGroup',
  table: 'search_filter_group',
  slug: 'search-filter-groups',
  columns: {
    list_type: str(80, notNull),
    entity_type: str(80),
    name: str(200, { notNull: true, default: '' }),
    color: str(8, { notNull: true, default: '' }),
    is_shared: bool(false, notNull),
    person_id: uuid(),
    project_id: uuid(),
    department_id: uuid(),
  },
});

const scheduleItem = define({
  typeName: 'ScheduleItem',
  table: 'schedule_item',
  slug: 'schedule-items',
  columns: {
    start_date: date(),
    end_date: date(),
    man_days: int(),
    project_id: uuid(),
    task_type_id: uuid(),
    object_id: uuid(),
  },
  unique: [['project_id', 'task_type_id', 'object_id']],
});

const news = define({
  typeName: 'News',
  table: 'news',
  slug: 'news',
  columns: {
    change: bool(false, notNull),
    author_id: uuid(notNull),
    comment_id: uuid(),
    task_id: uuid(notNull),
    preview_file_id: uuid(),
  },
});

const milestone = define({
  typeName: 'Milestone',
  table: 'milestone',
  slug: 'milestones',
  columns: {
    date: date(),
    name: str(40, notNull),
    project_id: uuid(),
    task_type_id: uuid(),
  },
});

const metadataDescriptor = define({
  typeName: 'MetadataDescriptor',
  table: 'metadata_descriptor',
  slug: 'metadata-descriptors',
  columns: {
    project_id: uuid(notNull),
    entity_type: str(60, notNull),
    task_type_id: uuid(),
    name: str(120, notNull),
    data_type: choice(METADATA_DATA_TYPES),
    field_name: str(120, notNull),
    choices: json(),
    for_client: bool(false),
    position: int(),
  },
  relations: [
    rel(
      'departments',
      'department_metadata_descriptor_link',
      'metadata_descriptor_id',
      'department_id',
      'department',
    ),
  ],
  // Partial indexes: the first two when task_type_id is null, the last two when it is set.
  unique: [
    ['project_id', 'entity_type', 'name'],
    ['project_id', 'entity_type', 'field_name'],
    ['project_id', 'entity_type', 'task_type_id', 'name'],
    ['project_id', 'entity_type', 'task_type_id', 'field_name'],
  ],
});

const subscription = define({
  typeName: 'Subscription',
  table: 'subscription',
  slug: 'subscriptions',
  columns: {
    person_id: uuid(notNull),
    task_id: uuid(),
    entity_id: uuid(),
    task_type_id: uuid(),
  },
  unique: [
    ['person_id', 'task_id'],
    ['person_id', 'task_type_id', 'entity_id'],
  ],
});

const chat = define({
  typeName: 'Chat',
  table: 'chat',
  slug: 'chats',
  columns: {
    object_id: uuid(notNull),
    object_type: str(80, { notNull: true, default: 'entity' }),
    last_message: datetime(),
  },
  relations: [rel('participants', 'chat_participant', 'chat_id', 'person_id', 'person')],
});

const chatMessage = define({
  typeName: 'ChatMessage',
  table: 'chat_message',
  slug: 'chat-messages',
  columns: {
    chat_id: uuid(notNull),
    person_id: uuid(notNull),
    text: text(),
  },
});

const previewBackgroundFile = define({
  typeName: 'PreviewBackgroundFile',
  table: 'preview_background_file',
  slug: 'preview-background-files',
  columns: {
    name: str(40, notNull),
    archived: bool(false),
    is_default: bool(false),
    original_name: str(250),
    extension: str(6),
    file_size: int(0),
  },
});

const salaryScale = define({
  typeName: 'SalaryScale',
  table: 'salary_scale',
  slug: 'salary-scales',
  columns: {
    department_id: uuid(notNull),
    position: choice(POSITIONS, 'artist'),
    seniority: choice(SENIORITIES, 'mid'),
    salary: int(0, notNull),
  },
  protectedKeys: ['department_id'],
});

const budget = define({
  typeName: 'Budget',
  table: 'budget',
  slug: 'budgets',
  columns: {
    project_id: uuid(),
    revision: int(1, notNull),
    name: str(255, notNull),
    currency: str(3),
  },
  protectedKeys: ['revision'],
});

const budgetEntry = define({
  typeName: 'BudgetEntry',
  table: 'budget_entry',
  slug: 'budget-entries',
  columns: {
    budget_id: uuid(notNull),
    department_id: uuid(notNull),
    person_id: uuid(),
    start_date: date(notNull),
    months_duration: int(undefined, notNull),
    daily_salary: float(undefined, notNull),
    position: choice(POSITIONS, 'artist'),
    seniority: choice(SENIORITIES, 'mid'),
    exceptions: json(),
  },
  protectedKeys: ['budget_id'],
});

const plugin = define({
  typeName: 'Plugin',
  table: 'plugin',
  slug: 'plugins',
  columns: {
    plugin_id: str(80, notNull),
    name: str(80, notNull),
    description: text(),
    version: str(50, notNull),
    maintainer_name: str(200, notNull),
    maintainer_email: str(255),
    website: text(),
    license: str(80, notNull),
    revision: str(12),
    frontend_project_enabled: bool(false),
    frontend_studio_enabled: bool(false),
    icon: str(255),
  },
  unique: [['plugin_id']],
});

const productionScheduleVersion = define({
  typeName: 'ProductionScheduleVersion',
  table: 'production_schedule_version',
  slug: 'production-schedule-versions',
  columns: {
    name: str(80, notNull),
    project_id: uuid(notNull),
    production_schedule_from: uuid(),
    locked: bool(false),
    canceled: bool(false),
  },
  unique: [['name', 'project_id']],
});

const productionScheduleVersionTaskLink = define({
  typeName: 'ProductionScheduleVersionTaskLink',
  table: 'production_schedule_version_task_link',
  slug: 'production-schedule-version-task-links',
  columns: {
    production_schedule_version_id: uuid(notNull),
    task_id: uuid(notNull),
    start_date: datetime(),
    due_date: datetime(),
    estimation: float(0),
  },
  relations: [
    rel(
      'assignees',
      'production_schedule_version_task_link_person_link',
      'production_schedule_version_task_link_id',
      'person_id',
      'person',
    ),
  ],
  protectedKeys: ['task_id', 'production_schedule_version_id'],
  unique: [['production_schedule_version_id', 'task_id']],
});

/** Every model served by the generic `/data/<slug>` CRUD, in Zou's route order. */
export const models: readonly ModelDef[] = [
  person,
  project,
  projectStatus,
  projectTemplate,
  entityType,
  entity,
  taskType,
  taskStatus,
  task,
  department,
  organisation,
  fileStatus,
  software,
  hardwareItem,
  outputFile,
  outputType,
  previewFile,
  workingFile,
  attachmentFile,
  comment,
  timeSpent,
  dayOff,
  customAction,
  statusAutomation,
  assetInstance,
  playlist,
  apiEvent,
  notification,
  searchFilter,
  searchFilterGroup,
  scheduleItem,
  news,
  milestone,
  metadataDescriptor,
  subscription,
  entityLink,
  chat,
  chatMessage,
  previewBackgroundFile,
  studio,
  salaryScale,
  budget,
  budgetEntry,
  plugin,
  productionScheduleVersion,
  productionScheduleVersionTaskLink,
];

const bySlug = new Map(models.map((model) => [model.slug, model]));
const byTable = new Map(models.map((model) => [model.table, model]));

export function modelBySlug(slug: string): ModelDef | undefined {
  return bySlug.get(slug);
}

export function modelByTable(table: string): ModelDef | undefined {
  return byTable.get(table);
}
