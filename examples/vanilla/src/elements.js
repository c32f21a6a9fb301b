// The bundle the page loads: every element, registered under its default tag name.
import '@access-requests/elements/define.js';
