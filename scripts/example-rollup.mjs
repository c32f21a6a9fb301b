// What the examples' rollup configs share: one ES module file in dist/, and the page copied beside it.
import { copyFile, mkdir } from 'node:fs/promises';

/** @param {string} file the bundle, under dist/ */
export const output = (file) => ({
  file: `dist/${file}`,
  format: /** @type {const} */ ('es'),
  inlineDynamicImports: true,
});

/** A plugin that copies the page's files from src/ to dist/ once the bundle is written. */
export function copyPage(files = ['index.html', 'app.css']) {
  return {
    name: 'copy-page',
    async writeBundle() {
      await mkdir('dist', { recursive: true });
      await Promise.all(files.map((file) => copyFile(`src/${file}`, `dist/${file}`)));
    },
  };
}
