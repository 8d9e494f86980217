// Bundles the pages' scripts and styles (the dashboard, the statistics page, the policy page with
// its diagram viewer, the login page, the officers' report form and case record) into the jar's
// static resources, at the addresses the pages load them from.
// Usage: node build.mjs [--outdir=DIR] (default: target/classes/static).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdirArgument = process.argv.find((argument) => argument.startsWith('--outdir='));
const outdir = outdirArgument
  ? path.resolve(outdirArgument.slice('--outdir='.length))
  : path.resolve(here, '../../../target/classes/static');

const started = Date.now();
await build({
  absWorkingDir: here,
  entryPoints: [
    { in: 'dashboard/main.js', out: 'dashboard/dashboard' },
    { in: 'dashboard/dashboard.css', out: 'dashboard/dashboard' },
    { in: 'policy/policy.js', out: 'policy/policy.bundle' },
    { in: 'policy/diagram.css', out: 'policy/diagram.bundle' },
    { in: 'policy/policy.css', out: 'policy/policy' },
    { in: 'statistics/main.js', out: 'statistics/statistics' },
    { in: 'statistics/statistics.css', out: 'statistics/statistics' },
    { in: 'login/login.js', out: 'login/login' },
    { in: 'login/login.css', out: 'login/login' },
    { in: 'report/report.js', out: 'report/report' },
    { in: 'report/report.css', out: 'report/report' },
    { in: 'case/case.js', out: 'case/case' },
    { in: 'case/case.css', out: 'case/case' }
  ],
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  // The browsers people use; each bundle is a plain script, no modules at run time.
  format: 'iife',
  target: ['es2020'],
  legalComments: 'eof',
  logLevel: 'warning'
});
console.log(`pages bundled into ${path.relative(process.cwd(), outdir) || '.'} in ${Date.now() - started} ms`);
