import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createAccessClient, type AccessClient, type TokenSource } from '@access-requests/sdk';
import { clientContext } from '../../internal/context.js';
import { providerStyles } from './access-requests-provider.styles.js';

/**
 * Configure it with `base-url` and, from JavaScript, a `token` (a string, or a function the client
 * calls before every request and again after a 401). The token is a property only: tokens do not
 * belong in the DOM. Or hand it a ready `client`. A new token or base URL makes a new client, and the
 * elements inside reload with it (a different user sees different requests).
 *
 * @summary Shares one SDK client with every access-requests element inside it.
 * @tag access-requests-provider
 *
 * @slot - The elements that use the client.
 */
export class AccessRequestsProvider extends LitElement {
  static override styles = providerStyles;

  /**
   * Where the API lives, without `/v1`: an absolute URL, or a path on the page's origin (`/access`). Defaults
   * to the page's origin.
   */
  @property({ attribute: 'base-url' }) accessor baseUrl = '';

  /** The bearer token, or a function returning it. A property only, never an attribute. */
  @property({ attribute: false }) accessor token: TokenSource | undefined;

  /** A ready client to share instead of one made from `base-url` and `token`. */
  @property({ attribute: false }) accessor client: AccessClient | undefined;

  @provide({ context: clientContext })
  protected accessor sharedClient: AccessClient | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('client') && !changed.has('token') && !changed.has('baseUrl')) return;
    if (this.client) {
      this.sharedClient = this.client;
    } else if (this.token !== undefined) {
      // A path (`/access`) is on the page's own origin; the SDK wants it absolute. Anything else goes
      // as written, so that `access.example.com` (no scheme) is refused rather than read as a path.
      const baseUrl =
        !this.baseUrl || this.baseUrl.startsWith('/')
          ? new URL(this.baseUrl || '/', document.baseURI).href
          : this.baseUrl;
      try {
        this.sharedClient = createAccessClient({ baseUrl, token: this.token });
      } catch (error) {
        // The elements inside show no data rather than call a wrong address; the host is told why.
        this.sharedClient = undefined;
        console.error(`<access-requests-provider base-url="${this.baseUrl}">: ${(error as Error).message}`);
      }
    } else {
      this.sharedClient = undefined;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
