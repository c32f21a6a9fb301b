#!/usr/bin/env node
// The `access-requests` binary: runs the command line, Ctrl-C ends the running command.
import { main } from './main.js';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());
process.exitCode = await main(process.argv.slice(2), { signal: interrupted.signal });
