import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { AccessClient } from '@access-requests/sdk';
import { attachContextRoot, clientContext } from './context.js';
import { LocaleController } from './locale.js';
import { defineDependencies, type ElementDependencies } from '../define.js';

/**
 * The base of every element that talks to the API: its `client` is the one set on it directly, or
 * else the one of the closest `<access-requests-provider>` (through @lit/context).
 */
export class ClientElement extends LitElement {
  /**
   * The elements of ours this one renders, by the tag names its templates use. They are registered
   * with it — by `define()`, or here in the constructor, before the first render, when a host
   * registered the class itself (`customElements.define('my-requests', RequestList)`).
   */
  static dependencies: ElementDependencies = {};

  readonly #locale = new LocaleController(this);

  constructor() {
    super();
    attachContextRoot();
    defineDependencies(this.constructor as CustomElementConstructor);
  }

  /** The SDK client to use. Defaults to the one of the closest `<access-requests-provider>`. */
  @property({ attribute: false }) accessor client: AccessClient | undefined;

  /** The client a provider around the element shares. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected accessor providedClient: AccessClient | undefined;

  /** The client in use: the element's own, else the provider's. */
  protected get activeClient(): AccessClient | undefined {
    return this.client ?? this.providedClient;
  }

  // Renders in the element's language, once its translations are in (no flash of English).
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const update = () => this.#locale.within(() => super.scheduleUpdate());
    const loading = this.#locale.ready();
    if (loading) return loading.then(update);
    void update();
    return undefined;
  }

  /** Whether an update changed the client in use. */
  protected clientChanged(changed: PropertyValues): boolean {
    return changed.has('client') || changed.has('providedClient');
  }
}
