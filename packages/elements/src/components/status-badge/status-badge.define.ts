import { StatusBadge } from './status-badge.js';
import { define } from '../../define.js';

define('status-badge', StatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
