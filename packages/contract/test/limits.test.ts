import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LIMITS } from '../src/index.js';
import { openapiDocument } from '../src/document.js';

const yamlText = readFileSync(new URL('../access-requests.yaml', import.meta.url), 'utf8');
const contract = parse(yamlText);
type Node = Record<string, unknown>;
const at = (pointer: string): Node =>
  pointer
    .slice(2)
    .split('/')
    .reduce<Node>((node, key) => node[key] as Node, contract);

describe('limits', () => {
  it('carries the bounds of the schemas the contract names, as the contract states them', () => {
    assert.equal(at('#/components/parameters/Limit/schema').maximum, LIMITS.pageSize.maximum);
    assert.equal(at('#/components/parameters/Limit/schema').default, LIMITS.pageSize.default);
    assert.equal(
      at('#/components/schemas/AccessRequestInput/properties/resources').maxItems,
      LIMITS.resourcesPerRequest.maxItems,
    );
    assert.equal(
      at('#/components/schemas/RequestAgainInput/properties/justification').maxLength,
      LIMITS.justification.maxLength,
    );
    assert.equal(
      at('#/components/schemas/RejectInput/properties/reason').maxLength,
      LIMITS.rejectionReason.maxLength,
    );
    assert.equal(
      at('#/components/schemas/RequestAgainInput/properties/duration_hours').maximum,
      LIMITS.durationHours.maximum,
    );
  });

  it('has the figures the guide and the contract prose give', () => {
    // "You can select a maximum of 1,000 resources."; reasons are "under 124 characters".
    assert.equal(LIMITS.resourcesPerRequest.maxItems, 1000);
    assert.equal(LIMITS.rejectionReason.maxLength, 123);
    assert.deepEqual(LIMITS.pageSize, { minimum: 1, maximum: 500, default: 50 });
  });

  it('names every x-limit mark of the contract, and nothing else', () => {
    const marked = new Set([...yamlText.matchAll(/x-limit: (\w+)/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(LIMITS).sort(), [...marked].sort());
  });
});

describe('document', () => {
  it('is the parsed YAML, whole', () => {
    assert.deepEqual(openapiDocument, contract);
  });
});
