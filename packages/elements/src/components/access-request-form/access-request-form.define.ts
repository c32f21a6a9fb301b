import '../status-badge/status-badge.define.js';
import { AccessRequestForm } from './access-request-form.js';
import { define } from '../../define.js';

define('access-request-form', AccessRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'access-request-form': AccessRequestForm;
  }
}
