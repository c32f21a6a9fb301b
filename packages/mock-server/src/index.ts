export { DEMO_USERS } from './fixtures.js';
export type { DemoUserName } from './fixtures.js';
