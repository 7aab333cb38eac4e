// Usage: node check.mjs FILE — exits 0 when FILE is a valid OpenAPI 3.1 document.
import OpenAPIParser from '@readme/openapi-parser';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node check.mjs openapi.json');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
try {
  const api = await OpenAPIParser.validate(doc);
  console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths ?? {}).length} paths`);
} catch (err) {
  console.error(`invalid OpenAPI document: ${err.message}`);
  process.exit(1);
}
