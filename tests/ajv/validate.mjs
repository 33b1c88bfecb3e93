// Usage: node validate.mjs SCHEMA_DIR KIND=FILE [KIND=FILE ...]
// Compiles every schema in strict mode, then validates each file against its kind.
// Prints one JSON line per file and exits 1 if any schema or file is invalid.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaDir, ...pairs] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const ids = {};
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json"))) {
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  ajv.addSchema(schema);
  ids[name.replace(".schema.json", "")] = schema.$id;
}
let failed = false;
for (const id of Object.values(ids)) {
  ajv.getSchema(id); // compiles; throws in strict mode on any unknown keyword or bad pattern
}
for (const pair of pairs) {
  const [kind, file] = pair.split("=");
  const validate = ajv.getSchema(ids[kind]);
  const valid = validate(JSON.parse(readFileSync(file, "utf8")));
  if (!valid) failed = true;
  console.log(JSON.stringify({ file, kind, valid, errors: validate.errors ?? [] }));
}
console.log(JSON.stringify({ schemas: Object.keys(ids).length, files: pairs.length, failed }));
process.exit(failed ? 1 : 0);
