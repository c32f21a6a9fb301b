// TypeDoc for the docs site: the API reference of the packages below, and the guides and the
// element reference (staged by the docs build in docs/.build/) as project documents, in one site.
// Every warning is an error, and so is anything exported without documentation.
import { OptionDefaults } from 'typedoc';
import { API_PACKAGES, DOCUMENTS, STAGE } from './layout.mjs';
import { root } from './util.mjs';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  name: 'access-requests',
  entryPointStrategy: 'packages',
  entryPoints: API_PACKAGES.map((name) => `${root}packages/${name}`),
  packageOptions: {
    entryPoints: ['src/index.ts'],
    tsconfig: 'tsconfig.build.json',
    // `pnpm typecheck` checks the types; the docs build only reads them.
    skipErrorChecking: true,
    // openapi-typescript writes these in the generated types.
    blockTags: [...OptionDefaults.blockTags, '@description', '@constant'],
    readme: 'README.md',
    // Checked per package, where the conversion happens (the merged site checks links).
    packagesRequiringDocumentation: API_PACKAGES.map((name) => `@access-requests/${name}`),
    excludePrivate: true,
    excludeInternal: true,
    // Source links from the template, whatever remote a checkout has (a CI clone's is a local path).
    disableGit: true,
    gitRevision: 'main',
    sourceLinkTemplate: 'https://github.com/access-requests/access-requests/blob/main/{path}#L{line}',
  },
  tsconfig: `${root}tsconfig.scripts.json`,
  readme: `${STAGE}/index.md`,
  projectDocuments: DOCUMENTS.map((path) => `${STAGE}/${path}`),
  out: `${root}docs/site`,
  json: `${STAGE}/api.json`,
  customCss: `${root}scripts/docs/site.css`,
  plugin: [`${root}scripts/docs/typedoc-plugin.mjs`],
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'jsx', 'vue', 'http', 'sh'],
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: true,
    unusedMergeModuleWith: true,
  },
  githubPages: false,
  hideGenerator: true,
  disableGit: true,
  sourceLinkTemplate: 'https://github.com/access-requests/access-requests/blob/main/{path}#L{line}',
  basePath: root,
  navigation: {
    includeCategories: false,
    includeGroups: false,
    includeFolders: false,
    compactFolders: true,
    excludeReferences: false,
  },
  headings: { readme: false, document: false },
  searchInComments: true,
  searchInDocuments: true,
  logLevel: 'Warn',
};

export default config;
