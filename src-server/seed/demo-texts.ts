// What people write when they move a task along; picked at random, per task type where the
// note only makes sense for one craft.

export const READY_TEXTS = [
  'Upstream is approved, this one is ready to start.',
  'Everything you need is published. Ready when you are.',
  'Bumping this up the list, references are in the brief.',
];

export const START_TEXTS = [
  'Starting on this today.',
  'Picked this up, first pass by the end of the week.',
  'On it. Blocking out the main beats first.',
  'Started. Pulling references together this morning.',
];

export const RESTART_TEXTS = [
  'Addressing the notes now.',
  'Thanks for the notes, working through them.',
  'Back on it, should have an update tomorrow.',
];

export const REVIEW_TEXTS = [
  'First pass ready for review.',
  'Ready for a look. Playblast attached in the review room.',
  'Done with the first version, let me know what you think.',
];

export const REREVIEW_TEXTS = [
  'Updated per the notes, ready for another look.',
  'Notes addressed. Second version up for review.',
  'Fixed the issues from the last round, please check.',
];

export const APPROVE_TEXTS = [
  'Looks great, approved!',
  'Approved. Nice work on the details.',
  'Good to go, thanks!',
  'Approved, moving it downstream.',
];

const RETAKE_BY_TASK_TYPE: Record<string, readonly string[]> = {
  Concept: [
    'The silhouette does not read at thumbnail size. Can we push the shapes further?',
    'Colours feel too saturated for the night scenes, let us try a cooler palette.',
  ],
  Modeling: [
    'Topology around the shoulders will fight the rig, please add edge loops.',
    'Proportions drift from the concept, the head is a bit too large.',
  ],
  Shading: [
    'Too glossy under the lighthouse beam, tone the specular down.',
    'The wood needs more wear on the edges, it looks brand new.',
  ],
  Rigging: [
    'The elbow collapses past 90 degrees, needs a corrective shape.',
    'Please add a space switch on the hand controls.',
  ],
  Layout: [
    'Camera is a bit too low, we lose the horizon line. Raise it slightly.',
    'Shot runs long, can we trim about 12 frames at the head?',
  ],
  Animation: [
    'Timing feels rushed in the middle, hold the pose a few frames longer.',
    'The weight shift on the landing needs more follow-through.',
    'Eyelines do not match the previous shot, check the continuity.',
  ],
  Lighting: [
    'Key is too warm for a storm night, cool it down and lift the rim.',
    'The lamp beam loses its falloff against the fog, please revisit.',
  ],
  Compositing: [
    'Edges of the rain layer are chattering, please check the matte.',
    'Grade is a touch too dark in the mids compared to the sequence.',
  ],
};

const GENERIC_RETAKE_TEXTS = [
  'A few notes from dailies, see the annotations.',
  'Close, but not there yet. Let us talk at the review.',
];

export function retakeTexts(taskTypeName: string): readonly string[] {
  return RETAKE_BY_TASK_TYPE[taskTypeName] ?? GENERIC_RETAKE_TEXTS;
}
