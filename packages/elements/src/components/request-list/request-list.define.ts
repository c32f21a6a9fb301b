import '../status-badge/status-badge.define.js';
import { RequestList } from './request-list.js';
import { define } from '../../define.js';

define('request-list', RequestList);

declare global {
  interface HTMLElementTagNameMap {
    'request-list': RequestList;
  }
}
