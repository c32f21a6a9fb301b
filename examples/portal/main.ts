// The demo portal: the reference server's world (its clock, speed and a Reset), a demo user switcher,
// and `<access-portal>` with everything the seed's portal does. The token is given from JavaScript,
// as a function read on every call — never as an attribute.
import '@access-requests/elements/define.js';
import { SPEEDS, WorldClock, orgChannel, type NotificationChannel } from './world.js';
import { DEMO_USERS, currentUser, rememberUser, type DemoUser } from './users.js';

const provider = document.querySelector('access-requests-provider')!;
const portal = document.querySelector('access-portal')!;
const switcher = document.querySelector<HTMLSelectElement>('#user-switch')!;
const worldTime = document.querySelector<HTMLElement>('#world-time')!;
const speeds = document.querySelector<HTMLElement>('#speeds')!;
const reset = document.querySelector<HTMLButtonElement>('#reset')!;
const worldStatus = document.querySelector<HTMLElement>('#world-status')!;
const channelSwitch = document.querySelector<HTMLSelectElement>('#channel-switch')!;

const clock = new WorldClock();
let user: DemoUser = currentUser();

/** A new token function makes a new client: every element reloads for the user. */
function signIn(next: DemoUser): void {
  user = next;
  rememberUser(user);
  provider.baseUrl = location.origin;
  provider.token = () => user.token;
  document.title = `${user.name} — Access requests demo`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
function showClock(): void {
  worldTime.textContent = timeFormat.format(clock.now());
  for (const button of speeds.querySelectorAll<HTMLButtonElement>('button')) {
    button.setAttribute('aria-pressed', String(Number(button.value) === clock.speed));
  }
}

for (const speed of SPEEDS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'header-button';
  button.value = String(speed);
  button.textContent = `${speed}×`;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', async () => {
    await clock.setSpeed(speed);
    showClock();
    worldStatus.textContent = `The world runs at ${speed}× now.`;
  });
  speeds.append(button);
}

reset.addEventListener('click', async () => {
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
});

for (const demoUser of DEMO_USERS) {
  const option = document.createElement('option');
  option.value = demoUser.token;
  option.textContent = `${demoUser.name} — ${demoUser.role}`;
  switcher.append(option);
}
switcher.value = user.token;
switcher.addEventListener('change', () =>
  signIn(DEMO_USERS.find((u) => u.token === switcher.value) ?? DEMO_USERS[0]!),
);

// The org's channel: the form's success view and Request again say where the answer will come.
void orgChannel.read().then(
  (channel) => (channelSwitch.value = channel),
  () => undefined,
);
channelSwitch.addEventListener('change', async () => {
  await orgChannel.set(channelSwitch.value as NotificationChannel);
  signIn(user); // a fresh client reads the org's settings again
  worldStatus.textContent = `Notifications now go by ${channelSwitch.selectedOptions[0]?.textContent ?? channelSwitch.value}.`;
});

portal.now = clock.now;
signIn(user);
void clock.read().then(showClock, () => (worldTime.textContent = 'the reference server did not answer'));
setInterval(showClock, 1000);
// Re-read now and then: someone else (a test, another tab) may move the clock.
setInterval(() => void clock.read().catch(() => undefined), 15_000);
