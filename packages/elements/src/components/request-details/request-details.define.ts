import '../status-badge/status-badge.define.js';
import { RequestDetails } from './request-details.js';
import { define } from '../../define.js';

define('request-details', RequestDetails);

declare global {
  interface HTMLElementTagNameMap {
    'request-details': RequestDetails;
  }
}
