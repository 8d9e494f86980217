// Bundles the policy page's script and the diagram viewer's styles into the jar's static
// resources. Usage: node build.mjs [--outdir=DIR] (default: target/classes/static/policy).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdirArgument = process.argv.find((argument) => argument.startsWith('--outdir='));
const outdir = outdirArgument
  ? path.resolve(outdirArgument.slice('--outdir='.length))
  : path.resolve(here, '../../../../target/classes/static/policy');

const started = Date.now();
await build({
  absWorkingDir: here,
  entryPoints: {
    'policy.bundle': 'src/policy.js',
    'diagram.bundle': 'src/diagram.css'
  },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  // The browsers policy staff use; the bundle is a plain script, no modules at run time.
  format: 'iife',
  target: ['es2020'],
  legalComments: 'eof',
  logLevel: 'warning'
});
console.log(`policy page bundled into ${path.relative(process.cwd(), outdir) || '.'} in ${Date.now() - started} ms`);
