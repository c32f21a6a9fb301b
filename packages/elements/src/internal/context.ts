import { ContextRoot, createContext } from '@lit/context';
import type { AccessClient } from '@access-requests/sdk';

/** The SDK client an `<access-requests-provider>` shares with every element inside it. */
export const clientContext = createContext<AccessClient | undefined>(Symbol.for('access-requests/client'));

const ROOT = Symbol.for('access-requests/context-root');

/**
 * Lets elements created before their `<access-requests-provider>` still find it: a context root
 * on the document replays their unanswered requests once the provider arrives. Every element that
 * asks for the client attaches it when it is created (before it asks), so an element that asks for
 * nothing (`<status-badge>`) carries none of this.
 */
export function attachContextRoot(): void {
  const holder = globalThis as { [ROOT]?: ContextRoot };
  if (holder[ROOT] || typeof document === 'undefined') return;
  holder[ROOT] = new ContextRoot();
  holder[ROOT].attach(document.documentElement);
}
