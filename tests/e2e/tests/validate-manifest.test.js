// Builds the Teams app package with the real CLI, unzips it and validates it like the Developer Portal would:
// files at the zip root, icon sizes, and manifest.json against the official schema for its manifestVersion.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { runCertBotCli } from '../lib/certbot-cli.js';
import { validateManifest } from '../lib/manifest-schema.js';
import { readPngHeader } from '../lib/png.js';

const appId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const botId = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

describe('validate-manifest', () => {
  let workDir;
  let files;
  let manifest;

  before(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbot-e2e-package-'));
    const zipPath = path.join(workDir, 'app.zip');
    const result = await runCertBotCli(['package', '--app-id', appId, '--bot-id', botId, '--out', zipPath], { timeoutMs: 900_000 });
    assert.equal(result.code, 0, `package command failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
    assert.equal(path.resolve(result.stdout.trim().split('\n').at(-1)), zipPath, 'the command prints the path it wrote');
    files = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
    manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? []).toString('utf8') || 'null');
  });

  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('puts manifest.json and both icons at the zip root, nothing in folders', () => {
    const names = Object.keys(files).sort();
    assert.ok(names.includes('manifest.json'), `zip entries: ${names.join(', ')}`);
    assert.deepEqual(names.filter((name) => name.includes('/')), []);
    assert.ok(manifest, 'manifest.json parses');
    assert.ok(files[manifest.icons.color], `color icon ${manifest.icons.color} is in the zip`);
    assert.ok(files[manifest.icons.outline], `outline icon ${manifest.icons.outline} is in the zip`);
  });

  it('has icons of the sizes Teams requires', () => {
    assert.deepEqual(pick(readPngHeader(files[manifest.icons.color])), { width: 192, height: 192 });
    assert.deepEqual(pick(readPngHeader(files[manifest.icons.outline])), { width: 32, height: 32 });
  });

  it('fills the ids and leaves no placeholder', () => {
    const text = Buffer.from(files['manifest.json']).toString('utf8');
    assert.doesNotMatch(text, /\{\{[A-Za-z0-9_]+\}\}/);
    assert.equal(manifest.id, appId);
    assert.equal(manifest.bots[0].botId, botId);
    assert.equal(manifest.composeExtensions[0].botId, botId);
  });

  it('declares a $schema for the same version as manifestVersion', () => {
    assert.match(manifest.$schema, new RegExp(`/teams/v${manifest.manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`));
  });

  it('is valid against the official schema for its manifestVersion', () => {
    assert.deepEqual(validateManifest(manifest), []);
  });

  it('would be rejected by the schema check if it were wrong (the check can fail)', () => {
    const broken = structuredClone(manifest);
    broken.id = 'not-a-guid';
    delete broken.description;
    const errors = validateManifest(broken);
    assert.ok(errors.some((error) => error.startsWith('/id')), errors.join('\n'));
    assert.ok(errors.some((error) => error.includes('description')), errors.join('\n'));
  });

  it('offers the bot in personal, group chat and team scopes with a command list for each', () => {
    const bot = manifest.bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const listedScopes = bot.commandLists.flatMap((list) => list.scopes).sort();
    assert.deepEqual(listedScopes, ['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      const titles = list.commands.map((command) => command.title);
      for (const expected of ['Help', 'Get a recommendation', 'Compare certifications', 'Ask a question']) {
        assert.ok(titles.includes(expected), `${list.scopes} commands: ${titles.join(', ')}`);
      }
      for (const title of titles) assert.ok(title.length <= 32, `command title too long for older clients: ${title}`);
    }
  });

  it('has a search message extension with one query command', () => {
    assert.equal(manifest.composeExtensions.length, 1);
    const [command, ...others] = manifest.composeExtensions[0].commands;
    assert.deepEqual(others, []);
    assert.equal(command.id, 'searchCertifications');
    assert.equal(command.type, 'query');
    assert.equal(command.initialRun, true);
    assert.deepEqual([...command.context].sort(), ['commandBox', 'compose']);
    assert.deepEqual(command.parameters.map((parameter) => parameter.name), ['query']);
    assert.ok(command.title.length <= 32);
  });
});

function pick({ width, height }) {
  return { width, height };
}
