// Templates saved on the page, per client: the form's Save as template tells every My Access using the
// same client, so its Templates list shows the new one without a reload.
import type { AccessClient, Template } from '@access-requests/sdk';

export type TemplateListener = (template: Template) => void;

const listeners = new WeakMap<AccessClient, Set<TemplateListener>>();

/** Listens to the templates saved with `client`; returns the unsubscribe. */
export function subscribeToTemplates(client: AccessClient, listener: TemplateListener): () => void {
  let set = listeners.get(client);
  if (!set) listeners.set(client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells every listener of `client` about a template just saved. */
export function publishTemplate(client: AccessClient, template: Template): void {
  for (const listener of [...(listeners.get(client) ?? [])]) listener(template);
}
