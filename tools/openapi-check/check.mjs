// Usage: node check.mjs FILE — exits 0 when FILE is a valid OpenAPI 3.1 document.
// (@readme/openapi-parser 9: 2.x's dereferencer crashed on a schema property named "ref".)
import { compileErrors, validate } from '@readme/openapi-parser';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node check.mjs openapi.json');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
try {
  const result = await validate(doc);
  if (!result.valid) {
    console.error(`invalid OpenAPI document: ${compileErrors(result)}`);
    process.exit(1);
  }
  console.log(`valid OpenAPI ${doc.openapi}: ${Object.keys(doc.paths ?? {}).length} paths`);
} catch (err) {
  console.error(`invalid OpenAPI document: ${err.message}`);
  process.exit(1);
}
