// The sections of the site, in the chapter's order. Each names the view
// module that draws it; main.js loads that module when the section opens.
// `short` labels the navigation; `title` heads the page.
export const SECTIONS = [
  { id: 'multi-input', title: 'Several inputs', short: 'Inputs', view: 'lesson' },
  { id: 'properties', title: 'delta, weight_delta and three properties', short: 'Properties', view: 'properties' },
  { id: 'side-by-side', title: 'One input beside three', short: 'Side by side', view: 'lesson' },
  { id: 'steps', title: 'Several steps', short: 'Steps', view: 'lesson' },
  { id: 'normalize', title: 'Why a dominates, and normalization', short: 'Normalize', view: 'normalize' },
  { id: 'freeze', title: 'Freezing a weight', short: 'Freezing', view: 'lesson' },
  { id: 'slices', title: 'Curves are slices of one shape', short: 'Slices', view: 'slices' },
  { id: 'multi-output', title: 'Several outputs', short: 'Outputs', view: 'lesson' },
  { id: 'multi-in-out', title: 'Inputs and outputs', short: 'Both: 3×3', view: 'lesson' },
  { id: 'mnist', title: 'What the weights learn', short: 'MNIST weights', view: 'mnist' },
  { id: 'dot-product', title: 'Dot products, seen', short: 'Dot products', view: 'dot-product' },
  { id: 'draw', title: 'Draw a digit', short: 'Draw', view: 'draw' },
  { id: 'summary', title: 'Summary: gradient descent is general', short: 'Summary', view: 'summary' },
];

export const DEFAULT_SECTION = SECTIONS[0].id;

// The section whose id is `id` (compared as a string: a URL value never picks
// an object property), or undefined.
export function findSection(id) {
  return SECTIONS.find((s) => s.id === id);
}
