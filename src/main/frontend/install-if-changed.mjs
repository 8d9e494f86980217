// Runs `npm ci` only when package-lock.json changed since the last install, so that a repeat
// build does not reinstall node_modules (and needs no network). The marker holds the lock's hash.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const marker = path.join(here, 'node_modules', '.installed-lock-sha256');
const lock = createHash('sha256')
  .update(readFileSync(path.join(here, 'package.json')))
  .update(readFileSync(path.join(here, 'package-lock.json')))
  .digest('hex');

if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === lock) {
  process.exit(0);
}
// No install scripts: esbuild's only checks its binary, which its JS API finds without it.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
  { cwd: here, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error ? result.error.message : 'exit ' + result.status})`);
  process.exit(result.status || 1);
}
writeFileSync(marker, lock + '\n');
