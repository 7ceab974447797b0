// Renders Adaptive Cards with the official `adaptivecards` JS renderer inside Chromium and reports every
// parse, validation and render problem, plus the Teams limits the generic renderer does not enforce.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { teamsHostConfig } from './teams-host-config.js';

const require = createRequire(import.meta.url);
const rendererScript = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const rendererCss = path.join(path.dirname(rendererScript), 'adaptivecards.css');
const adaptiveContentType = 'application/vnd.microsoft.card.adaptive';
const teamsMaxVersion = [1, 5];

/**
 * Card files may hold a card, an attachment ({contentType, content}) or an activity with attachments;
 * returns [{label, card}] for every Adaptive Card inside, or a problem when there is none.
 */
export function cardsInFile(json) {
  if (json && json.type === 'AdaptiveCard') return { cards: [{ label: '', card: json }] };
  if (json && typeof json.contentType === 'string') {
    return json.contentType === adaptiveContentType
      ? { cards: [{ label: '', card: json.content }] }
      : { problem: `attachment contentType is ${json.contentType}, not ${adaptiveContentType}` };
  }
  if (json && Array.isArray(json.attachments)) {
    const cards = json.attachments
      .map((attachment, index) => ({ attachment, index }))
      .filter(({ attachment }) => attachment.contentType === adaptiveContentType)
      .map(({ attachment, index }) => ({ label: `#${index}`, card: attachment.content }));
    return cards.length ? { cards } : { problem: 'activity has no Adaptive Card attachment' };
  }
  return { problem: 'not an Adaptive Card, attachment or activity (no "type": "AdaptiveCard")' };
}

/** Problems Teams has with a card that the generic renderer accepts (version above 1.5, Media). */
export function teamsProblems(card) {
  const problems = [];
  const version = String(card.version ?? '');
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match) {
    problems.push(`card version "${version}" is not major.minor`);
  } else if (Number(match[1]) > teamsMaxVersion[0] || (Number(match[1]) === teamsMaxVersion[0] && Number(match[2]) > teamsMaxVersion[1])) {
    problems.push(`card version ${version} is above ${teamsMaxVersion.join('.')}, the highest Teams renders for bots`);
  }
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      if (node.type === 'Media') problems.push(`${where}: Media elements are not supported in Teams`);
      for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`);
    }
  };
  walk(card, '$');
  return problems;
}

// CERTBOT_CARD_WIDTH renders at another width (360 for a phone, 1024 for a desktop); 480 is a Teams chat column.
export const defaultCardWidth = Number(process.env.CERTBOT_CARD_WIDTH || 480);

/**
 * Prepares a Chromium page with the renderer loaded and a Teams-like host config (lib/teams-host-config.js);
 * render(card) returns {problems, hints}; setWidth(px) re-lays the page for another width (render again after it).
 */
export async function openCardPage(context, { width = defaultCardWidth } = {}) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif; }
      #card { width: ${width}px; background: #fff; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
    </style></head><body><div id="card"></div></body></html>`);
  await page.addStyleTag({ path: rendererCss });
  await page.addScriptTag({ path: rendererScript });
  await page.evaluate(() => {
    const AC = window.AdaptiveCards;
    // Teams applies its markdown subset (bold, italic, links, lists) to TextBlock and FactSet text; the JS renderer
    // leaves that to the host, so a minimal processor makes screenshots look like Teams. TextRuns stay literal.
    const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = escape(text)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\r?\n|\r/g, '<br>')
        // CommonMark backslash escapes (CardText.Escape writes them for untrusted text): shown without the backslash.
        .replace(/\\([!-/:-@[-`{-~])/g, '$1');
      result.didProcess = true;
    };
    window.renderCard = (payload, hostConfig) => {
      const problems = [];
      const hints = [];
      const describe = (e) => `${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`;
      const record = (e) => (e.event === AC.ValidationEvent.Hint ? hints : problems).push(describe(e));
      const host = document.getElementById('card');
      host.innerHTML = '';
      let card;
      try {
        const context = new AC.SerializationContext();
        card = new AC.AdaptiveCard();
        card.hostConfig = new AC.HostConfig(hostConfig);
        card.onExecuteAction = () => {};
        card.parse(payload, context);
        for (let i = 0; i < context.eventCount; i++) record(context.getEventAt(i));
        card.validateProperties().validationEvents.forEach(record);
        const element = card.render();
        if (!element) problems.push('render: the renderer produced no element');
        else host.appendChild(element);
      } catch (error) {
        problems.push(`exception: ${error && error.message ? error.message : String(error)}`);
      }
      return { problems, hints };
    };
  });
  let current = width;
  return {
    page,
    get width() { return current; },
    async setWidth(px) {
      current = px;
      await page.evaluate((w) => { document.getElementById('card').style.width = `${w}px`; }, px);
    },
    async render(card) {
      const before = pageErrors.length;
      const result = await page.evaluate(({ payload, hostConfig }) => window.renderCard(payload, hostConfig), { payload: card, hostConfig: teamsHostConfig(current) });
      result.problems.unshift(...teamsProblems(card));
      result.problems.push(...pageErrors.slice(before).map((message) => `page error: ${message}`));
      return result;
    },
    /** The rendered card's height in CSS pixels. */
    async height() {
      return page.evaluate(() => Math.ceil(document.getElementById('card').getBoundingClientRect().height));
    },
    async screenshot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.locator('#card').screenshot({ path: file });
    },
  };
}

/** Lists *.json files under dir, recursively, sorted. */
export function listCardFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name))
    .sort();
}
