export { StatusBadge } from './components/status-badge/status-badge.js';
export { define } from './define.js';
