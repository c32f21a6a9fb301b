// The "build" of a script-tag page: the page and the package's cdn/ folder, side by side in dist/.
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
cpSync('index.html', 'dist/index.html');
cpSync('node_modules/@access-requests/elements/cdn', 'dist/cdn', { recursive: true });
