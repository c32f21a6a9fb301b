// axe over every element in every state (src/internal/test-scenes.ts) at 200 % and 400 % zoom.
import './all.define.js';
import { describeAxe } from './internal/test-scenes.js';

describeAxe('200% zoom', '400% zoom');
