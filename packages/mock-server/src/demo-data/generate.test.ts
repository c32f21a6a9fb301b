import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorld } from './generate.js';
import { ANCHOR_RESOURCES } from './catalog.js';
import { FLOW_IDS, flowIdFor } from './flows.js';
import { createRandom } from './random.js';

describe('the world generator', () => {
  it('gives exactly the same world for the same seed', () => {
    const first = generateWorld({ seed: 42, catalogSize: 3000 });
    const second = generateWorld({ seed: 42, catalogSize: 3000 });
    assert.deepEqual(second, first);
  });

  it('gives another catalog (and other colleagues) for another seed, with the same documented fixtures', () => {
    const one = generateWorld({ seed: 1, catalogSize: 500 });
    const two = generateWorld({ seed: 2, catalogSize: 500 });
    assert.notDeepEqual(
      two.resources.map((r) => r.name),
      one.resources.map((r) => r.name),
    );
    assert.deepEqual(
      two.users.slice(0, 4).map((u) => u.id),
      ['usr_alice', 'usr_bob', 'usr_carol', 'usr_dave'],
    );
    assert.deepEqual(two.flows, one.flows);
    for (const anchor of ANCHOR_RESOURCES)
      assert.ok(two.resources.some((r) => r.id === anchor.id && r.name === anchor.name));
  });

  it('keeps the users and the first resources of a seed whatever the catalog size', () => {
    const small = generateWorld({ seed: 7, catalogSize: 2000 });
    const large = generateWorld({ seed: 7, catalogSize: 2500 });
    assert.deepEqual(large.users, small.users);
    // The first 2,000 generated resources are the same: a bigger catalog only adds.
    assert.deepEqual(large.resources.slice(0, 2000), small.resources);
  });

  it('has catalogSize resources with unique ids, paths that end with their names, and permissions of their type', () => {
    const world = generateWorld({ seed: 3, catalogSize: 5000 });
    assert.equal(world.resources.length, 5000);
    assert.equal(new Set(world.resources.map((r) => r.id)).size, 5000);
    const types = new Map(world.resourceTypes.map((t) => [t.id, t]));
    for (const resource of world.resources) {
      assert.ok(resource.path.endsWith(` / ${resource.name}`), resource.path);
      const type = types.get(resource.resourceTypeId);
      assert.ok(type && type.appId === resource.appId);
      assert.ok(
        resource.permissionIds.length > 0 &&
          resource.permissionIds.every((p) => type.permissionIds.includes(p)),
      );
      const app = world.apps.find((a) => a.id === resource.appId);
      assert.ok(app);
      assert.equal(resource.flowId, flowIdFor(app.id, app.category, resource.environment));
    }
    assert.match(world.resources[ANCHOR_RESOURCES.length]?.id ?? '', /^res_\d{6}$/);
  });

  it('names generated resources after their environment and spreads them over every app and category', () => {
    const world = generateWorld({ seed: 1, catalogSize: 4000 });
    const generated = world.resources.slice(ANCHOR_RESOURCES.length);
    for (const resource of generated)
      assert.ok(resource.name.toLowerCase().includes(resource.environment), resource.name);
    assert.deepEqual(new Set(generated.map((r) => r.appId)), new Set(world.apps.map((a) => a.id)));
    assert.deepEqual(
      new Set(world.apps.map((a) => a.category)),
      new Set(['cloud', 'database', 'kubernetes', 'saas']),
    );
    assert.deepEqual(new Set(generated.map((r) => r.environment)), new Set(['prod', 'staging', 'dev']));
  });

  it('has flows for every path of the lifecycle', () => {
    const flows = new Map(generateWorld({ seed: 1, catalogSize: 0 }).flows.map((f) => [f.id, f]));
    assert.equal(flows.get(FLOW_IDS.nonProduction)?.approval, 'automatic');
    assert.deepEqual(flows.get(FLOW_IDS.productionDatabases)?.approverIds, ['usr_bob']);
    assert.equal(flows.get(FLOW_IDS.productionDatabases)?.justificationRequired, true);
    const cloud = flows.get(FLOW_IDS.productionCloud);
    assert.deepEqual(
      [cloud?.approverIds, cloud?.requiredApprovals, cloud?.ticketRequired],
      [['usr_bob', 'usr_carol'], 2, true],
    );
    assert.equal(flows.get(FLOW_IDS.kubernetesProduction)?.maxDurationHours, 1);
    assert.equal(flows.get(FLOW_IDS.legacyCrm)?.failsAtGranting, true);
    assert.match(flows.get(FLOW_IDS.legacyCrm)?.failureReason ?? '', /Legacy CRM/);
    assert.equal(flows.get(FLOW_IDS.saasProduction)?.simulatedApprover?.userId, 'usr_carol');
  });

  it('has bundles whose items are resources with a permission they offer, each bundle under one flow', () => {
    const world = generateWorld({ seed: 5, catalogSize: 2000 });
    const resources = new Map(world.resources.map((r) => [r.id, r]));
    assert.ok(world.bundles.some((b) => b.name === 'New joiner – engineering'));
    for (const bundle of world.bundles) {
      assert.ok(bundle.items.length >= 3, bundle.id);
      assert.ok(world.flows.some((f) => f.id === bundle.flowId));
      for (const item of bundle.items)
        assert.ok(resources.get(item.resourceId)?.permissionIds.includes(item.permissionId));
    }
  });

  it('gives Legacy CRM hostile instructions, so the UI can prove they never execute', () => {
    const crm = generateWorld({ seed: 1, catalogSize: 0 }).apps.find((a) => a.id === 'app_legacy_crm');
    const instructions = crm?.instructions({
      resourceNames: ['crm-staging-accounts'],
      permissionName: 'Viewer',
    });
    assert.match(instructions?.markdown ?? '', /<img src=x onerror=/);
    assert.match(instructions?.markdown ?? '', /<script>/);
    assert.match(instructions?.markdown ?? '', /\(javascript:/);
    assert.match(instructions?.link?.url ?? '', /^javascript:/);
  });

  it('generates 100,000 resources quickly', () => {
    const started = performance.now();
    const world = generateWorld({ seed: 1, catalogSize: 100_000 });
    const elapsed = performance.now() - started;
    console.log(`generateWorld: 100,000 resources in ${elapsed.toFixed(0)} ms`);
    assert.equal(world.resources.length, 100_000);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });
});

describe('the seeded random generator', () => {
  it('repeats its sequence for a seed and stays within bounds', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const drawsA = Array.from({ length: 100 }, () => a.int(3, 7));
    assert.deepEqual(
      Array.from({ length: 100 }, () => b.int(3, 7)),
      drawsA,
    );
    assert.ok(drawsA.every((n) => n >= 3 && n <= 7));
    assert.deepEqual(new Set(drawsA), new Set([3, 4, 5, 6, 7]));
    assert.notDeepEqual(
      Array.from({ length: 10 }, () => createRandom(10).next()),
      Array.from({ length: 10 }, () => createRandom(9).next()),
    );
  });
});
