// Usage: node check.mjs SCHEMA FILE — exits 0 when FILE is valid against the JSON Schema SCHEMA
// (NIST's OSCAL schemas are draft-07; their patterns use Unicode classes, formats are checked).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

const [schemaFile, file] = process.argv.slice(2);
if (!schemaFile || !file) {
  console.error('usage: node check.mjs schema.json document.json');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
const doc = JSON.parse(readFileSync(file, 'utf8'));
if (!validate(doc)) {
  for (const e of validate.errors.slice(0, 20)) console.error(`${e.instancePath || '/'}: ${e.message}`);
  console.error(`invalid: ${validate.errors.length} errors`);
  process.exit(1);
}
console.log(`valid: ${file}`);
