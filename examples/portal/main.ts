// The demo portal: the reference server's world (its clock, speed and a Reset), a demo user switcher,
// and `<access-portal>` with every screen of the portal. The token is given from JavaScript,
// as a function read on every call — never as an attribute; the user switcher and the tab's storage
// carry a user key, not a token.
import '@access-requests/elements/define.js';
import { SPEEDS, WorldClock, orgChannel, type NotificationChannel } from './world.js';
import { DEMO_USERS, currentUser, rememberUser, tokenOf, userByKey, type DemoUser } from './users.js';

/** An element of index.html: the page is broken without it, so say which one is missing. */
function element<K extends keyof HTMLElementTagNameMap>(selector: K): HTMLElementTagNameMap[K];
function element<T extends Element>(selector: string): T;
function element(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`index.html has no ${selector}.`);
  return found;
}

const provider = element('access-requests-provider');
const portal = element('access-portal');
const switcher = element<HTMLSelectElement>('#user-switch');
const worldTime = element<HTMLElement>('#world-time');
const speeds = element<HTMLElement>('#speeds');
const reset = element<HTMLButtonElement>('#reset');
const worldStatus = element<HTMLElement>('#world-status');
const channelSwitch = element<HTMLSelectElement>('#channel-switch');

const clock = new WorldClock();
let user: DemoUser = currentUser();

/** A new token function makes a new client: every element reloads for the user. */
function signIn(next: DemoUser): void {
  user = next;
  rememberUser(user);
  provider.baseUrl = location.origin;
  const token = tokenOf(user);
  provider.token = () => token;
  document.title = `${user.name} — Access requests demo`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
function showClock(): void {
  worldTime.textContent = timeFormat.format(clock.now());
  for (const button of speeds.querySelectorAll<HTMLButtonElement>('button')) {
    button.setAttribute('aria-pressed', String(Number(button.value) === clock.speed));
  }
}

async function changeSpeed(speed: number): Promise<void> {
  await clock.setSpeed(speed);
  showClock();
  worldStatus.textContent = `The world runs at ${speed}× now.`;
}

for (const speed of SPEEDS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'header-button';
  button.value = String(speed);
  button.textContent = `${speed}×`;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => void changeSpeed(speed));
  speeds.append(button);
}

async function resetWorld(): Promise<void> {
  reset.disabled = true;
  try {
    await clock.reset();
    signIn(user);
    showClock();
    channelSwitch.value = await orgChannel.read();
    worldStatus.textContent = 'The world is back to its seeded start.';
  } finally {
    reset.disabled = false;
  }
}
reset.addEventListener('click', () => void resetWorld());

for (const demoUser of DEMO_USERS) {
  const option = document.createElement('option');
  option.value = demoUser.key;
  option.textContent = `${demoUser.name} — ${demoUser.role}`;
  switcher.append(option);
}
switcher.value = user.key;
switcher.addEventListener('change', () => signIn(userByKey(switcher.value)));

// The org's channel: the form's success view and Request again say where the answer will come.
void orgChannel.read().then(
  (channel) => (channelSwitch.value = channel),
  () => undefined,
);
async function changeChannel(): Promise<void> {
  await orgChannel.set(channelSwitch.value as NotificationChannel);
  signIn(user); // a fresh client reads the org's settings again
  worldStatus.textContent = `Notifications now go by ${channelSwitch.selectedOptions[0]?.textContent ?? channelSwitch.value}.`;
}
channelSwitch.addEventListener('change', () => void changeChannel());

portal.now = clock.now;
signIn(user);
void clock.read().then(showClock, () => (worldTime.textContent = 'the reference server did not answer'));
setInterval(showClock, 1000);
// Re-read now and then: someone else (a test, another tab) may move the clock.
setInterval(() => void clock.read().catch(() => undefined), 15_000);
