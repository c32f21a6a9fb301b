// The style blocks the elements share, one module each: a bundle carries only the blocks its
// elements adopt (a `css` tag's result is kept wherever its module is, used or not). Each block is
// written once and is one CSSStyleSheet, adopted by every element that lists it.
export { tokens } from './styles/tokens.js';
export { surface } from './styles/surface.js';
export { createdList } from './styles/created-list.js';
export { tabs } from './styles/tabs.js';
export { states } from './styles/states.js';
import { buttons } from './styles/buttons.js';
import { fields } from './styles/fields.js';
import { dialogs } from './styles/dialogs.js';

export { buttons, dialogs, fields };

/** Buttons, fields and dialogs: for the elements that render all three (or whose dialogs do). */
export const controls = [buttons, fields, dialogs];
