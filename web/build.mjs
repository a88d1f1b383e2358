// Bundles the pages' scripts and the stylesheet into ../src/leaktrace/web/static/, the assets
// the Python package ships and `leaktrace serve` serves. No CDN: everything is in the bundle.
//   node build.mjs            build (minified)
//   node build.mjs --check    exit 1 if the committed assets differ from a fresh build
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'src', 'leaktrace', 'web', 'static');
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'leaktrace-web-')) : target;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: {
    check: join(here, 'src/pages/check.js'),
    phish: join(here, 'src/pages/phish.js'),
    breaches: join(here, 'src/pages/breaches.js'),
    lineage: join(here, 'src/pages/lineage.js'),
    common: join(here, 'src/pages/common.js'),
    app: join(here, 'src/app.css'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'eof',
  chunkNames: 'chunk-[hash]',
  charset: 'utf8',
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/favicon.svg'), join(out, 'favicon.svg'));

if (check) {
  const names = (dir) => readdirSync(dir).sort();
  const same =
    JSON.stringify(names(out)) === JSON.stringify(names(target)) &&
    names(out).every((n) => readFileSync(join(out, n)).equals(readFileSync(join(target, n))));
  rmSync(out, { recursive: true, force: true });
  if (!same) {
    console.error('src/leaktrace/web/static is not the build of web/src: run `make web`');
    process.exit(1);
  }
  console.log('src/leaktrace/web/static matches web/src');
} else {
  console.log(`built ${readdirSync(out).length} files into ${target}`);
}
