// The reference server's simulated world, as the demo shows it: its clock (time and speed), read
// from and set through the control API (`/_control/clock`, `/_control/clock/speed`, `/_control/reset`).
export interface ClockState {
  readonly now: string;
  readonly speed: number;
}

export const SPEEDS = [1, 10, 60] as const;

async function control<T = ClockState>(
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`/_control/${path}`, {
    method,
    // The control API requires Content-Type: application/json of every change, body or not.
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_control/${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The world's clock as this page estimates it between two reads: the server's time when last read,
 * moved on at the world's speed. The API itself does not tell the server's time; the countdown of
 * Access Details reads this through `<access-portal>.now`.
 */
export class WorldClock {
  #base = Date.now();
  #readAt = Date.now();
  speed = 1;

  readonly now = (): number => this.#base + (Date.now() - this.#readAt) * this.speed;

  #take(state: ClockState): ClockState {
    this.#base = Date.parse(state.now);
    this.#readAt = Date.now();
    this.speed = state.speed;
    return state;
  }

  read = async (): Promise<ClockState> => this.#take(await control('GET', 'clock'));
  setSpeed = async (speed: number): Promise<ClockState> =>
    this.#take(await control('PUT', 'clock/speed', { speed }));
  /** Back to the seeded world (its history, its start time), at the current speed. */
  reset = async (): Promise<ClockState> => {
    await control('POST', 'reset', { speed: this.speed });
    return this.read();
  };
}

export type NotificationChannel = 'slack' | 'teams' | 'email';

/** The org's notification channel in the reference world (`/_control/org`): what `/v1/me` reports. */
export const orgChannel = {
  read: async (): Promise<NotificationChannel> =>
    (await control<{ notification_channel: NotificationChannel }>('GET', 'org')).notification_channel,
  set: (channel: NotificationChannel) => control('PUT', 'org', { notification_channel: channel }),
};
