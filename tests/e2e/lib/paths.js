// Where things live, resolved from this file so the tests work from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(e2eDir, '..', '..');
export const artifactsDir = path.join(repoRoot, 'artifacts');
export const hostProject = path.join(repoRoot, 'src', 'CertBot');
export const manifestSchemaDir = path.join(e2eDir, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
