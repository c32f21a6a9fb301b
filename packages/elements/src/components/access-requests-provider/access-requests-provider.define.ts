import { AccessRequestsProvider } from './access-requests-provider.js';
import { define } from '../../define.js';

define('access-requests-provider', AccessRequestsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'access-requests-provider': AccessRequestsProvider;
  }
}
