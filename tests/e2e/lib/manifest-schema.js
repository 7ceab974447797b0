// Validates a Teams app manifest offline against the schema @microsoft/app-manifest ships for its manifestVersion.
// (The package's own validateManifest downloads the schema, which this machine cannot do.)
import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { manifestSchemaDir } from './paths.js';

export function schemaPathFor(manifestVersion) {
  return path.join(manifestSchemaDir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

export function compileManifestSchema(manifestVersion) {
  const schemaPath = schemaPathFor(manifestVersion);
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`@microsoft/app-manifest ships no schema for manifestVersion ${manifestVersion} (looked for ${schemaPath})`);
  }
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  // The Teams schemas declare draft-04 but also use later keywords such as const; strict:false lets Ajv
  // apply every keyword it knows instead of refusing the schema.
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Returns a list of readable schema errors (empty when valid). */
export function validateManifest(manifest) {
  const validate = compileManifestSchema(manifest.manifestVersion);
  if (validate(manifest)) return [];
  return validate.errors.map((error) => `${error.instancePath || '/'} ${error.message}${error.params ? ' ' + JSON.stringify(error.params) : ''}`);
}
