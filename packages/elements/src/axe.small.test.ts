// axe over every element in every state (src/internal/test-scenes.ts) on a phone and at the reflow
// width of WCAG 1.4.10 (320 CSS px).
import './all.define.js';
import { describeAxe } from './internal/test-scenes.js';

describeAxe('375×812', '320×640');
