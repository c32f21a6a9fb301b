// Approvals, for now: the approver's queue with Approve and Reject, written against the SDK so that an
// approver can move a request on by hand (Pending Approval → Granting → Active, or → Rejected). An
// approvals element will replace it.
import { ApiError, type AccessClient, type AccessRequest } from '@access-requests/sdk';
import { el, type Page } from './page.js';

const targetText = (r: AccessRequest): string =>
  r.target.type === 'app'
    ? `${r.target.app.name} (${r.target.permission.name})`
    : r.target.type === 'bundle'
      ? r.target.bundle.name
      : r.target.resources_summary.map((p) => `${p.resource.name} (${p.permission.name})`).join(', ');

function row(request: AccessRequest, client: AccessClient, refresh: () => void, say: (text: string) => void): HTMLElement {
  const reason = el('input', { type: 'text', maxlength: '123', 'aria-label': `Reason for ${targetText(request)}` });
  const decide = async (action: 'approve' | 'reject') => {
    try {
      const text = reason.value.trim();
      const done = action === 'approve' ? await client.approve(request.id, text ? { reason: text } : {}) : await client.reject(request.id, { reason: text });
      say(`${action === 'approve' ? 'Approved' : 'Rejected'}: ${targetText(done)} for ${done.grantee.name}.`);
      refresh();
    } catch (error) {
      say(error instanceof ApiError ? error.problem.detail ?? error.message : String(error));
    }
  };
  const approve = el('button', { type: 'button', class: 'primary' }, 'Approve');
  const reject = el('button', { type: 'button' }, 'Reject');
  approve.addEventListener('click', () => void decide('approve'));
  reject.addEventListener('click', () => void decide('reject'));
  return el(
    'li',
    { class: 'approval-row' },
    el('strong', {}, targetText(request)),
    el('span', {}, `For ${request.grantee.name}, requested by ${request.requester.name}, ${request.duration_hours} h`),
    el('span', { class: 'muted' }, request.justification ?? 'No justification'),
    el('span', { class: 'approval-actions' }, reason, approve, reject),
  );
}

export const approvalsPage: Page = {
  id: 'approvals',
  label: 'Approvals',
  mount(container, { client }) {
    const list = el('ul', { class: 'approvals' });
    const status = el('p', { role: 'status', class: 'muted' });
    const say = (text: string) => (status.textContent = text);
    const refresh = async () => {
      try {
        const page = await client.approvals({ status: 'pending' }).page({ limit: 100 });
        list.replaceChildren(...page.items.map((r) => row(r, client, () => void refresh(), say)));
        if (page.items.length === 0) list.append(el('li', { class: 'muted' }, 'Nothing waits for your decision. Sign in as Bob or Carol to approve Alice’s requests.'));
      } catch (error) {
        say(String(error));
      }
    };
    void refresh();
    container.append(
      el('h1', {}, 'Approvals'),
      el('p', { class: 'muted' }, 'Requests waiting for your decision. A reason is optional to approve and required to reject (under 124 characters).'),
      status,
      list,
    );
  },
};
