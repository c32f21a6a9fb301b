/**
 * Request ids in the contract's style (`req_` + a ULID: 10 characters of time, 16 of randomness,
 * Crockford base32). The randomness is seeded, so the same operations give the same ids.
 */
import type { Random } from '../demo-data/random.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createRequestIds(random: Random): (time: number) => string {
  return (time) => {
    let timePart = '';
    let rest = Math.max(0, Math.floor(time));
    for (let i = 0; i < 10; i++) {
      timePart = CROCKFORD.charAt(rest % 32) + timePart;
      rest = Math.floor(rest / 32);
    }
    let randomPart = '';
    for (let i = 0; i < 16; i++) randomPart += CROCKFORD.charAt(random.int(0, 31));
    return `req_${timePart}${randomPart}`;
  };
}
