// axe over every element in every state (src/internal/test-scenes.ts) at a desktop size and in a dark
// page. The other conditions are in axe.*.test.ts: each file has its own time limit.
import './all.define.js';
import { describeAxe } from './internal/test-scenes.js';

describeAxe('1280×800', 'dark');
