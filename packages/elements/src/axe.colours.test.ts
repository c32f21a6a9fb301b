// axe over every element in every state (src/internal/test-scenes.ts) on a light page whose user
// prefers dark, and under forced colours.
import './all.define.js';
import { describeAxe } from './internal/test-scenes.js';

describeAxe('dark OS, light page', 'forced colours');
