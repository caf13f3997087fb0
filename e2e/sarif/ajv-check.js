// Validates SARIF logs against the SARIF 2.1.0 schema (draft-04) with Ajv and its formats (uri, uri-reference).
// Usage: node ajv-check.js SCHEMA LOG... ; prints one line per invalid log and exits 1 if any is invalid.
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const fs = require('fs');

const ajv = new Ajv({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
let invalid = 0;
for (const file of process.argv.slice(3)) {
  if (!validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    invalid++;
    console.log(`${file}: ${JSON.stringify(validate.errors.slice(0, 5))}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
