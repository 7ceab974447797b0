// Renders every card file CertBot produced (the lead's transcript tests write them to artifacts/cards) with the
// official Adaptive Cards JS renderer in Chromium, fails on any parse/validation/render problem, and screenshots each.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../lib/browser.js';
import { cardsInFile, listCardFiles, openCardPage } from '../lib/card-renderer.js';
import { artifactsDir, e2eDir, repoRoot } from '../lib/paths.js';

const cardsDir = path.resolve(repoRoot, process.env.CERTBOT_CARDS_DIR || path.join('artifacts', 'cards'));
const screenshotDir = path.join(artifactsDir, 'e2e', 'cards');
const cardFiles = listCardFiles(cardsDir);
const goodFixtures = listCardFiles(path.join(e2eDir, 'fixtures', 'cards', 'good'));
const brokenFixtures = listCardFiles(path.join(e2eDir, 'fixtures', 'cards', 'broken'));

describe('render-cards', () => {
  let browser;
  let renderer;

  before(async () => {
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    browser = await launchChromium();
    renderer = await openCardPage(browser.context);
  });

  after(async () => browser?.close());

  // Renders every Adaptive Card in a file; with screenshotBase, saves <base>[-<n>].png per card.
  async function renderFile(file, screenshotBase) {
    let json;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      return [`not valid JSON: ${error.message}`];
    }
    const parsed = cardsInFile(json);
    if (parsed.problem) return [parsed.problem];
    const problems = [];
    for (const { label, card } of parsed.cards) {
      const result = await renderer.render(card);
      problems.push(...result.problems.map((problem) => (label ? `${label} ${problem}` : problem)));
      if (screenshotBase) await renderer.screenshot(`${screenshotBase}${label ? '-' + label.slice(1) : ''}.png`);
    }
    return problems;
  }

  it(`finds card files in ${path.relative(repoRoot, cardsDir) || cardsDir}`, () => {
    assert.ok(cardFiles.length > 0, `no *.json card files in ${cardsDir}: the transcript tests should write every card they produce there (or set CERTBOT_CARDS_DIR)`);
  });

  for (const file of cardFiles) {
    const name = path.relative(cardsDir, file);
    it(`renders ${name} without problems`, async () => {
      const problems = await renderFile(file, path.join(screenshotDir, name.replace(/\.json$/, '')));
      assert.deepEqual(problems, [], `${name}:\n  ${problems.join('\n  ')}`);
    });
  }

  // The renderer check must be able to fail: known-good fixtures pass, each broken fixture is caught.
  describe('self-check', () => {
    for (const file of goodFixtures) {
      it(`accepts the good fixture ${path.basename(file)}`, async () => {
        assert.deepEqual(await renderFile(file), []);
      });
    }
    for (const file of brokenFixtures) {
      it(`rejects the broken fixture ${path.basename(file)}`, async () => {
        const problems = await renderFile(file);
        assert.ok(problems.length > 0, `${path.basename(file)} should have been reported`);
      });
    }
  });
});
