// The sections of the site, in the chapter's order. Each names the view
// module that draws it; main.js loads that module when the section opens.
export const SECTIONS = [
  { id: 'multi-input', title: 'Several inputs', view: 'first-step' },
  { id: 'draw', title: 'Draw a digit', view: 'draw' },
];

export const DEFAULT_SECTION = SECTIONS[0].id;
