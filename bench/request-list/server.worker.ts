// The benchmark's server for the request list: answers in a worker, off the page's main thread, as a
// real server answers on another machine; the page only parses what it gets, as it would.
import { listPage } from './requests.ts';

self.addEventListener('message', (event: MessageEvent<{ id: number; url: string }>) => {
  const { id, url } = event.data;
  self.postMessage({ id, body: listPage(new URL(url)) });
});
