// The page script of the element reference's live examples, bundled into the site as
// `assets/live-examples.js`: the reference server runs in a service worker (the site serves
// `mockServiceWorker.js` at its root, so its scope covers every page), every element is registered,
// and each example's provider gets its demo user's token from JavaScript, as a host would do.
import { createBackend } from '@access-requests/mock-server';
import { startReferenceWorker } from '@access-requests/mock-server/browser';
import '@access-requests/elements/define.js';

/** @typedef {Record<string, string>} HistoryIds */

const examples = [...document.querySelectorAll('[data-live-example]')].filter(
  (node) => node instanceof HTMLElement,
);

if (examples.length) {
  // The bundle sits in assets/; the worker at the site's root, one level up.
  const workerUrl = new URL('../mockServiceWorker.js', import.meta.url).pathname;
  const backend = createBackend({ speed: 1 });
  try {
    await startReferenceWorker({ backend, workerUrl });
    /** @type {HistoryIds} */
    const history = backend.history;
    for (const example of examples) {
      const { user = '', requestIds = '{}' } = example.dataset;
      /** @type {Record<string, string>} */
      const wanted = JSON.parse(requestIds);
      for (const [selector, label] of Object.entries(wanted)) {
        const id = history[label];
        for (const element of example.querySelectorAll(selector))
          if (id) element.setAttribute('request-id', id);
      }
      for (const provider of example.querySelectorAll('access-requests-provider')) {
        // A property, never an attribute: tokens stay out of the DOM.
        Object.assign(provider, { token: user });
      }
      example.dataset['state'] = 'running';
    }
  } catch (error) {
    for (const example of examples) {
      example.dataset['state'] = 'failed';
      const message = document.createElement('p');
      message.className = 'ar-live-error';
      message.textContent =
        'The live example needs the reference server in a service worker, which runs only when the site is ' +
        `served over HTTP (for example \`pnpm docs:serve\`), not opened from a file. (${String(error)})`;
      example.prepend(message);
    }
  }
}
