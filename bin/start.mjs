#!/usr/bin/env node
// `npm start` (after the build): launch Electron on this folder. Electron's npm package
// fetches its runtime on first use; where that fails (no route to its download host),
// say so plainly and point at browser mode instead of leaving a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  // Electron's own installer has printed why above.
  console.error(`
Reckon: the Electron runtime is not installed and could not be downloaded.
Electron fetches its runtime on first start; this machine cannot reach its download host.
The same app runs in your browser instead:   npm run serve
`);
  process.exit(1);
}

const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
