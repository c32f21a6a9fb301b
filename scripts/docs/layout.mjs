// Where the docs build reads and writes, and which pages the site has.
import { root } from './util.mjs';

/**
 * The packages whose API reference TypeDoc writes. `mock-server` joins once its exports all carry a
 * description and an example.
 */
export const API_PACKAGES = ['contract', 'sdk', 'mock-server', 'cli'];

/**
 * Where the build stages the Markdown TypeDoc renders (the guides with their generated parts, the
 * element pages).
 */
export const STAGE = `${root}docs/.build`;

/** The repository, for links to its files. */
export const REPOSITORY = 'https://github.com/access-requests/access-requests';

/** The site. */
export const SITE = `${root}docs/site`;

/** The documents the build writes itself (the others are docs/'s Markdown). */
export const GENERATED_DOCUMENTS = ['elements/index.md', 'http-api.md'];

/**
 * The site's documents, in the order of its navigation, as paths under docs/ (or generated, see
 * above). A document's front matter may name children (`children:`), which follow it.
 */
export const DOCUMENTS = [
  'guides/getting-started.md',
  'guides/request-lifecycle.md',
  'guides/events.md',
  'guides/accessibility.md',
  'guides/theming.md',
  'guides/languages.md',
  'guides/embedding.md',
  'guides/command-line.md',
  'testing-your-integration.md',
  'reference-server.md',
  'reliability.md',
  'elements/index.md',
  'http-api.md',
  'benchmarks.md',
  'size-cuts.md',
  'size-cuts-markdown.md',
];

/**
 * Documents written elsewhere that may not be in a checkout yet, with the page the site shows
 * until they are.
 * @type {Record<string, string>}
 */
export const PENDING_DOCUMENTS = {
  'testing-your-integration.md': `---
title: Testing your integration
---

# Testing your integration

How to run your own tests against the reference server installed from npm — its
\`access-requests-mock\` command, its strict base path — is the subject of
\`docs/testing-your-integration.md\`, which this checkout does not have yet. Until it does,
[the reference server](./reference-server.md) describes the three ways to run it, its fixtures and
its control API.
`,
};
