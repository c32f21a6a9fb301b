import { createContext } from '@lit/context';
import type { AccessClient } from '@access-requests/sdk';

/** The SDK client an `<access-requests-provider>` shares with every element inside it. */
export const clientContext = createContext<AccessClient | undefined>(Symbol.for('access-requests/client'));
