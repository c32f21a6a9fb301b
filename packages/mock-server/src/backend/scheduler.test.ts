import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from './scheduler.js';

describe('the simulated clock', () => {
  it('is frozen at speed 0 and moves only by advance', () => {
    let real = 1_000;
    const clock = new Scheduler(50_000, { realTime: () => real });
    real += 10_000;
    assert.equal(clock.now(), 50_000);
    clock.advanceTo(52_500);
    assert.equal(clock.now(), 52_500);
    assert.throws(() => clock.setSpeed(-1), RangeError);
  });

  it('runs at speed × real time, and a speed change keeps the time already elapsed', () => {
    let real = 0;
    const clock = new Scheduler(0, { realTime: () => real });
    clock.setSpeed(60);
    real = 1_000;
    assert.equal(clock.now(), 60_000);
    clock.setSpeed(1);
    real = 2_000;
    assert.equal(clock.now(), 61_000);
    clock.advanceTo(61_500);
    assert.equal(clock.now(), 61_500);
    clock.advanceTo(10);
    assert.equal(clock.now(), 61_500, 'advanceTo never goes back');
  });
});

describe('the transition queue', () => {
  it('hands out due jobs by due time, then in the order they were scheduled', () => {
    const scheduler = new Scheduler(0);
    const dues = [50, 10, 30, 10, 70, 20, 30];
    dues.forEach((dueAt, i) => scheduler.schedule({ dueAt, kind: 'expire', requestId: `r${i}` }));
    assert.equal(scheduler.nextDueAt(), 10);
    const taken: string[] = [];
    for (let job = scheduler.takeDue(30); job; job = scheduler.takeDue(30))
      taken.push(`${job.dueAt}:${job.requestId}`);
    assert.deepEqual(taken, ['10:r1', '10:r3', '20:r5', '30:r2', '30:r6']);
    assert.equal(scheduler.size, 2);
    assert.equal(scheduler.nextDueAt(), 50);
  });
});
