// Generates src/generated/openapi.d.ts (TypeScript types of every path, parameter, request
// body and response) from the committed OpenAPI document, docs/openapi.json, with
// openapi-typescript.
//
//   node scripts/api-types.mjs           rewrite the file (npm run api-types)
//   node scripts/api-types.mjs --check   fail when the file differs from what the document
//                                        gives (the CTest test portal_api_types); with
//                                        ACCORD_UPDATE_DOCS=1 it rewrites the file instead
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(web, '../docs/openapi.json');
const target = join(web, 'src/generated/openapi.d.ts');
// Paths as the repository names them, wherever the script runs from.
const shown = (p) => relative(join(web, '..'), p);

const HEADER =
  '// Generated from docs/openapi.json by web/scripts/api-types.mjs (openapi-typescript): do not\n' +
  '// edit. Refresh with `npm --prefix web run api-types` after the document changes.\n\n';

async function render() {
  // A bare {"type": "object"} becomes Record<string, unknown>, not Record<string, never>:
  // nothing may be read from it without a check or a hand-written type.
  const ast = await openapiTS(pathToFileURL(source), { emptyObjectsUnknown: true, silent: true });
  return HEADER + astToString(ast);
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const rendered = await render();
const check = process.argv.includes('--check') && process.env.ACCORD_UPDATE_DOCS !== '1';
if (!check) {
  writeFileSync(target, rendered);
  console.log(`wrote ${shown(target)} from ${shown(source)}`);
} else if (read(target) !== rendered) {
  console.error(
    `${shown(target)} is out of date with ${shown(source)}: regenerate it with ` +
      '`npm --prefix web run api-types` or `ACCORD_UPDATE_DOCS=1 ctest -R portal_api_types`, and commit it.',
  );
  process.exitCode = 1;
} else {
  console.log(`ok: ${shown(target)} matches ${shown(source)}`);
}
