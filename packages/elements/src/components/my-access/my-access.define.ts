import '../status-badge/status-badge.define.js';
import { MyAccess } from './my-access.js';
import { define } from '../../define.js';

define('my-access', MyAccess);

declare global {
  interface HTMLElementTagNameMap {
    'my-access': MyAccess;
  }
}
