// `@access-requests/elements/access-portal.js`: <access-portal>, its first view's elements, and the
// others loaded when first shown. A page that uses one of those elements on its own imports its entry.
import './access-portal.lazy-views.define.js';
import './access-portal.core.define.js';
