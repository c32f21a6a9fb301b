// A Vue 3 app around the elements, with render functions. Vue sets a custom element's properties
// (`token`, a function) and listens to its events (`onRequestSelected` → `request-selected`).
import { createApp, h, ref } from 'vue';
import '@access-requests/elements/access-requests-provider.js';
import '@access-requests/elements/request-list.js';
import '@access-requests/elements/my-access.js';

/** The host's own sign-in would give this; the demo server knows `demo-alice`. */
const getToken = async () => sessionStorage.getItem('access-token') ?? 'demo-alice';

const App = {
  setup() {
    const events = ref([]);
    const heard = (text) => (events.value = [text, ...events.value].slice(0, 20));
    return () => [
      h('header', [h('h1', 'Acme console'), h('p', 'Your requests and your access, in a Vue page.')]),
      h('access-requests-provider', { '.token': getToken }, [
        h('main', { class: 'layout' }, [
          h('section', { 'aria-labelledby': 'requests-title' }, [
            h('h2', { id: 'requests-title' }, 'My Requests'),
            h('request-list', {
              onRequestSelected: (event) => heard(`request-selected: ${event.detail.request.id}`),
              onFilterChanged: (event) =>
                heard(`filter-changed: ${event.detail.statuses.join(', ') || 'all'}`),
            }),
          ]),
          h('section', { 'aria-labelledby': 'access-title' }, [
            h('h2', { id: 'access-title' }, 'My Access'),
            h('my-access', {
              onRequestAgainSubmitted: (event) =>
                heard(`request-again-submitted: ${event.detail.requests.length}`),
            }),
          ]),
        ]),
      ]),
      h('section', { 'aria-labelledby': 'events-title' }, [
        h('h2', { id: 'events-title' }, 'What Vue heard'),
        h(
          'ol',
          { id: 'events', role: 'log' },
          events.value.map((text, index) => h('li', { key: events.value.length - index }, text)),
        ),
      ]),
    ];
  },
};

const app = createApp(App);
// Tags with a dash are custom elements, not Vue components (this matters to templates).
app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-');
app.mount('#app');
