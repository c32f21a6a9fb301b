import { ApprovalInbox } from './approval-inbox.js';
import { define } from '../../define.js';

define('approval-inbox', ApprovalInbox);

declare global {
  interface HTMLElementTagNameMap {
    'approval-inbox': ApprovalInbox;
  }
}
