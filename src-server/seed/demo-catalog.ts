// The story of "Harbor Lights": a lighthouse keeper's daughter keeps the lamp burning through
// a winter storm so the fishing fleet can find its way home.

export const DEMO_PROJECT = {
  name: 'Harbor Lights',
  code: 'HBL',
  description:
    'A short film about a lighthouse keeper’s daughter who keeps the lamp burning through ' +
    'a winter storm so the fishing fleet can find its way home.',
  fps: '25',
  ratio: '16:9',
  resolution: '1920x1080',
  productionType: 'short',
  productionStyle: '3d',
};

export interface AssetDef {
  name: string;
  description: string;
}

export const DEMO_ASSETS: Record<'Character' | 'Prop' | 'Environment' | 'FX', AssetDef[]> = {
  Character: [
    { name: 'Elsie', description: 'The keeper’s daughter, eleven, stubborn and brave.' },
    { name: 'Keeper Wren', description: 'Elsie’s father, laid up with a broken leg.' },
    { name: 'Captain Hale', description: 'Skipper of the Marigold, the last boat out.' },
    { name: 'Pip', description: 'A one-eyed herring gull who follows Elsie everywhere.' },
    { name: 'Harbor Master', description: 'Keeps the tide tables and the gossip.' },
    { name: 'Amos', description: 'Old fisherman, Captain Hale’s deckhand.' },
    { name: 'Mrs Doyle', description: 'Runs the harbor café, lends Elsie her oilskin.' },
    { name: 'Fleet Sailors', description: 'Crowd of sailors for the homecoming shots.' },
  ],
  Prop: [
    { name: 'Oil Lantern', description: 'Elsie’s hand lantern, dented brass.' },
    { name: 'Brass Telescope', description: 'Keeper Wren’s telescope on the gallery.' },
    { name: 'Rowing Boat', description: 'Small wooden dinghy tied at the jetty.' },
    { name: 'Fishing Net', description: 'Hanging nets on the dock, needs cloth setup.' },
    { name: 'Foghorn', description: 'Hand-cranked foghorn on the lighthouse gallery.' },
    { name: 'Ship Bell', description: 'Brass bell of the Marigold.' },
    { name: 'Logbook', description: 'The keeper’s logbook, leather bound.' },
    { name: 'Rope Coil', description: 'Dock rope, several variants.' },
    { name: 'Lobster Trap', description: 'Stacked traps along the harbor wall.' },
    { name: 'Fresnel Lens', description: 'The great lens of the lighthouse lamp.' },
  ],
  Environment: [
    { name: 'Lighthouse Exterior', description: 'The tower on the point, seen from the sea.' },
    { name: 'Lamp Room', description: 'Top of the tower, the lens and its clockwork.' },
    { name: 'Harbor Docks', description: 'Jetty, café front and moored boats.' },
    { name: 'Keeper Cottage', description: 'Kitchen and bedroom at the foot of the tower.' },
    { name: 'Rocky Shore', description: 'Path from the cottage to the tower.' },
    { name: 'Open Sea', description: 'Storm-swept sea with the returning fleet.' },
  ],
  FX: [
    { name: 'Rain', description: 'Wind-driven rain, three intensities.' },
    { name: 'Sea Spray', description: 'Spray off the rocks and the bows.' },
    { name: 'Lamp Beam', description: 'Volumetric beam of the lighthouse.' },
    { name: 'Fog Bank', description: 'Rolling fog over the harbor.' },
    { name: 'Lightning', description: 'Sheet and fork lightning flashes.' },
    { name: 'Ocean Waves', description: 'Ocean surface simulation for wide shots.' },
  ],
};

export interface SequenceDef {
  name: string;
  description: string;
  /** Assets cast in its shots, by name. */
  cast: string[];
}

export const DEMO_SEQUENCES: SequenceDef[] = [
  {
    name: 'SQ010',
    description: 'The storm rolls in while the fleet is still at sea.',
    cast: ['Elsie', 'Keeper Wren', 'Pip', 'Keeper Cottage', 'Rain', 'Logbook'],
  },
  {
    name: 'SQ020',
    description: 'The lamp goes dark; Elsie climbs the tower alone.',
    cast: ['Elsie', 'Pip', 'Oil Lantern', 'Lamp Room', 'Fresnel Lens', 'Lightning'],
  },
  {
    name: 'SQ030',
    description: 'The beam sweeps the sea and the boats come home.',
    cast: ['Captain Hale', 'Amos', 'Fleet Sailors', 'Open Sea', 'Lamp Beam', 'Ship Bell'],
  },
];

export const SHOTS_PER_SEQUENCE = 8;
export const FIRST_FRAME = 1001;
