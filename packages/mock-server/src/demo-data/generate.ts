/**
 * The deterministic world generator: the same seed (and catalog size) gives exactly the same world.
 * Each part draws from its own random stream, so the catalog size changes the catalog only.
 */
import { generateBundles } from './bundles.js';
import { generateCatalog } from './catalog.js';
import { ACCESS_FLOWS } from './flows.js';
import type { World } from './model.js';
import { ORG_SETTINGS, generateUsers, granteesByRequester } from './people.js';
import { createRandom, deriveSeed } from './random.js';

/** `seed` and `catalogSize` as `createBackend` checked them (a whole number from 0). */
export function generateWorld({
  seed,
  catalogSize,
}: {
  readonly seed: number;
  readonly catalogSize: number;
}): World {
  const users = generateUsers(createRandom(deriveSeed(seed, 'users')));
  const catalog = generateCatalog(createRandom(deriveSeed(seed, 'catalog')), catalogSize);
  const bundles = generateBundles(createRandom(deriveSeed(seed, 'bundles')), catalog.resources);
  return {
    seed,
    catalogSize,
    users,
    granteesOf: granteesByRequester(users),
    org: ORG_SETTINGS,
    ...catalog,
    bundles,
    flows: ACCESS_FLOWS,
  };
}
