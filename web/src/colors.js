// Colours of the PLOVER types, by quad class: cooperation in blues and greens,
// conflict in oranges and reds, each type distinct within its class. Chosen to stay
// readable on white (contrast of marks, not of text) and for the common colour-blind
// forms (no red-green pair within a class).
export const QUADS = {
  1: { name: 'Verbal cooperation', color: '#1f6fb2' },
  2: { name: 'Material cooperation', color: '#2a9d8f' },
  3: { name: 'Verbal conflict', color: '#e09f3e' },
  4: { name: 'Material conflict', color: '#b3261e' },
};

export const TYPES = [
  ['AGREE', 1, '#0b4f8a'], ['CONSULT', 1, '#1f6fb2'], ['SUPPORT', 1, '#5b9bd5'], ['CONCEDE', 1, '#9cc3e6'],
  ['COOPERATE', 2, '#1b7a6e'], ['AID', 2, '#2a9d8f'], ['RETREAT', 2, '#7cc6bb'],
  ['REQUEST', 3, '#a86b00'], ['ACCUSE', 3, '#e09f3e'], ['REJECT', 3, '#f2c14e'], ['THREATEN', 3, '#c77d2e'],
  ['PROTEST', 4, '#7f1d1d'], ['SANCTION', 4, '#9e4a8a'], ['MOBILIZE', 4, '#6b4c9a'], ['COERCE', 4, '#d1495b'],
  ['ASSAULT', 4, '#b3261e'],
];

export const TYPE_COLOR = Object.fromEntries(TYPES.map(([t, , c]) => [t, c]));
export const TYPE_QUAD = Object.fromEntries(TYPES.map(([t, q]) => [t, q]));
