// The sections of the site, in the chapter's order. Each names the view
// module that draws it; main.js loads that module when the section opens.
export const SECTIONS = [
  { id: 'multi-input', title: 'Several inputs', view: 'lesson' },
  { id: 'side-by-side', title: 'One input beside three', view: 'lesson' },
  { id: 'steps', title: 'Several steps', view: 'lesson' },
  { id: 'freeze', title: 'Freezing a weight', view: 'lesson' },
  { id: 'multi-output', title: 'Several outputs', view: 'lesson' },
  { id: 'multi-in-out', title: 'Inputs and outputs', view: 'lesson' },
  { id: 'mnist', title: 'What the weights learn', view: 'mnist' },
  { id: 'dot-product', title: 'Dot products, seen', view: 'dot-product' },
  { id: 'draw', title: 'Draw a digit', view: 'draw' },
];

export const DEFAULT_SECTION = SECTIONS[0].id;
