// The cards as a person sees them: every card in the gallery (artifacts/card-gallery, written by
// CertBot.Tests' CardGalleryTests through the real endpoint) rendered by the official adaptivecards renderer with a
// Teams-like host config at phone (360 px) and desktop (1024 px) width. A card fails when it is taller than its budget,
// when a word is broken inside or when text is cut off. Screenshots are named for what they show:
// artifacts/e2e/gallery/recommendation-swe-aws-360.png, ...-expanded-360.png after "More details", and so on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../lib/browser.js';
import { installLayoutChecks } from '../lib/card-layout.js';
import { cardsInFile, listCardFiles, openCardPage } from '../lib/card-renderer.js';
import { artifactsDir, repoRoot } from '../lib/paths.js';

const galleryDir = path.resolve(repoRoot, process.env.CERTBOT_CARD_GALLERY_DIR || path.join('artifacts', 'card-gallery'));
const screenshotDir = path.join(artifactsDir, 'e2e', 'gallery');
const widths = [360, 1024];

// Height budgets in CSS px (issue 13): the first screen of a phone for everything but the comparison.
const budgets = [
  { prefix: 'comparison', px: 1300 },
  { prefix: '', px: 640 },
];
const budgetFor = (name) => budgets.find((b) => name.startsWith(b.prefix)).px;

// Cards with one tap to more: the button or element to press, and the name the expanded screenshot gets.
const expansions = [
  { match: /^recommendation-/, press: (page) => page.locator('#card [aria-label="More details"], #card button:has-text("More details")').first() },
  { match: /^comparison$/, press: (page) => page.locator('#card #credential-aws-mla-c01').first() },
  { match: /^faq-/, press: (page) => page.locator('#card #read-more').first(), optional: true },
];

const files = listCardFiles(galleryDir);

describe('card-budgets', () => {
  let browser;
  let renderer;
  const figures = [];

  before(async () => {
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    browser = await launchChromium();
    renderer = await openCardPage(browser.context, { width: widths[0] });
    await installLayoutChecks(renderer.page);
  });

  after(async () => {
    if (figures.length) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      fs.writeFileSync(path.join(screenshotDir, 'heights.json'), JSON.stringify(figures, null, 2));
      const over = figures.filter((f) => f.budget !== null && f.height > f.budget);
      console.log(`card-budgets: ${figures.length} renders, tallest ${Math.max(...figures.map((f) => f.height))} px, ${over.length} over budget`);
    }
    await browser?.close();
  });

  it(`finds the card gallery in ${path.relative(repoRoot, galleryDir)}`, () => {
    assert.ok(files.length > 0, `no cards in ${galleryDir}: run dotnet test first (CardGalleryTests writes them) or set CERTBOT_CARD_GALLERY_DIR`);
  });

  for (const file of files) {
    const name = path.basename(file, '.json');
    for (const width of widths) {
      const budget = budgetFor(name);
      it(`${name} at ${width} px: at most ${budget} px tall, no word broken, nothing cut off`, async () => {
        const parsed = cardsInFile(JSON.parse(fs.readFileSync(file, 'utf8')));
        assert.ok(!parsed.problem, parsed.problem);
        await renderer.setWidth(width);
        const result = await renderer.render(parsed.cards[0].card);
        assert.deepEqual(result.problems, [], `${name}: renderer problems`);
        await renderer.screenshot(path.join(screenshotDir, `${name}-${width}.png`));
        const height = await renderer.height();
        const layout = await renderer.page.evaluate(() => ({ broken: window.cardLayout.brokenWords(), cut: window.cardLayout.cutOff() }));
        figures.push({ name, width, height, budget });

        const expansion = expansions.find((e) => e.match.test(name));
        let expanded = { broken: [], cut: [] };
        const target = expansion?.press(renderer.page);
        if (expansion && (!expansion.optional || (await target.count()) > 0)) {
          assert.equal(await target.count(), 1, `${name}: nothing to tap for more`);
          await target.click();
          await renderer.screenshot(path.join(screenshotDir, `${name}-expanded-${width}.png`));
          const expandedHeight = await renderer.height();
          assert.ok(expandedHeight > height, `${name}: the tap showed nothing (${expandedHeight} px, was ${height} px)`);
          figures.push({ name: `${name}-expanded`, width, height: expandedHeight, budget: null });
          expanded = await renderer.page.evaluate(() => ({ broken: window.cardLayout.brokenWords(), cut: window.cardLayout.cutOff() }));
        }

        assert.ok(height <= budget, `${name} is ${height} px tall at ${width} px, over its ${budget} px budget`);
        assert.deepEqual([...layout.broken, ...expanded.broken], [], `${name} at ${width} px breaks words inside`);
        assert.deepEqual([...layout.cut, ...expanded.cut], [], `${name} at ${width} px cuts text off`);
      });
    }
  }
});
