// Starts the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) against a bot endpoint and
// drives its web UI (a React/Fluent UI chat that renders Adaptive Cards with the official JS renderer).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startProcess, waitForHttp } from './processes.js';

const require = createRequire(import.meta.url);
const playgroundCli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

// DOM hooks of playground 0.2.28 (no data-testids exist; these are ARIA labels and component classes).
export const selectors = {
  messageInput: '[role="textbox"][data-lexical-editor="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  botMessage: '.fai-OutputCard',            // every bot message bubble, text or card, in order
  messageHeader: '[aria-label="Message header"]',
  adaptiveCard: '.ac-adaptiveCard',
  messageExtensionButton: 'button[aria-label="Trigger Message Extension App"]',
  mentionMenu: '#typeahead-menu',            // opens on "@" in the compose box: the bot and the group's members
  mention: '.mention',                       // a picked mention inside the compose box
  userAvatar: '[role="toolbar"] .fui-Avatar[role="img"][aria-label]', // top right: the signed-in playground user
};

/** The name the playground gives the bot (it does not read the manifest). */
export const playgroundBotName = 'Test Bot';

/**
 * Runs the playground CLI from a scratch directory (it reads ./.m365agentsplayground.yml and writes ./devTools
 * there), with telemetry off and without opening a browser (TEAMSAPPTESTER_BROWSER=none).
 * Resolves once the web UI answers; .url is where it listens (it falls back to a random port when busy).
 */
export async function startPlayground({ botEndpoint, port, logDir, timeoutMs = 120_000 }) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'certbot-playground-'));
  const proc = startProcess('agents playground', process.execPath,
    [playgroundCli, '--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    {
      cwd,
      env: {
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground-events.log'),
      },
      logFile: path.join(logDir, 'playground.log'),
    });
  const deadline = Date.now() + timeoutMs;
  let listening;
  while (!(listening = /Listening on (\d+)/.exec(proc.output))) {
    if (proc.exited) throw new Error(`the playground exited (${JSON.stringify(proc.exited)}):\n${proc.output}`);
    if (Date.now() > deadline) throw new Error(`the playground did not start within ${timeoutMs} ms:\n${proc.output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const url = `http://127.0.0.1:${listening[1]}/`;
  await waitForHttp(url, { timeoutMs: Math.max(5_000, deadline - Date.now()), process: proc, accept: (status) => status === 200 });
  return {
    url,
    process: proc,
    async stop() {
      await proc.stop();
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Drives the playground web UI: the personal chat it opens with, and the other conversations of its left pane. */
export class PlaygroundChat {
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    this.step = 0;
    this.botMessages = page.locator(selectors.botMessage);
  }

  /** Opens the UI; the playground then installs the bot in a fresh personal chat (installationUpdate + conversationUpdate). */
  async open(url) {
    await this.page.goto(url);
    await this.page.locator(selectors.messageInput).waitFor({ timeout: 60_000 });
  }

  /**
   * Switches to a conversation of the left pane ("Personal Chat", "Group Chat", "My Team - General", …). The
   * first visit installs the bot there (installationUpdate + conversationUpdate). The tree items carry no
   * selected state, so callers check the conversation by its messages.
   */
  async openConversation(name) {
    const item = this.page.getByRole('treeitem', { name, exact: true });
    if (await item.count() === 0) {
      const names = await this.page.getByRole('treeitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
      throw new Error(`the playground has no conversation "${name}" in its left pane (it has: ${names.join(' | ')})`);
    }
    await item.click();
    await this.page.locator(selectors.messageInput).waitFor({ timeout: 30_000 });
  }

  /** The signed-in playground user's display name (what the bot receives as from.name), read from the top bar. */
  async userName() {
    const avatars = this.page.locator(selectors.userAvatar);
    await avatars.first().waitFor({ timeout: 30_000 });
    const names = (await avatars.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label').trim()))).filter(Boolean);
    if (names.length !== 1) throw new Error(`expected one user avatar in the playground's top bar, found: ${JSON.stringify(names)}`);
    return names[0];
  }

  async botMessageCount() {
    return this.botMessages.count();
  }

  /** All bot message texts, oldest first (card text includes its button titles). */
  async botTexts() {
    return this.botMessages.allInnerTexts();
  }

  /**
   * Waits for a bot message at index >= after whose text matches pattern; returns {index, message} where
   * message is a locator for that bubble. The error lists what the bot did say.
   */
  async waitForBotMessage(pattern, { after = 0, timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let texts = [];
    while (Date.now() < deadline) {
      texts = await this.botTexts();
      for (let index = after; index < texts.length; index++) {
        if (pattern.test(texts[index])) return { index, message: this.botMessages.nth(index) };
      }
      await this.page.waitForTimeout(250);
    }
    const said = texts.slice(after).map((text, i) => `  #${after + i}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n') || '  (nothing)';
    throw new Error(`no bot message matching ${pattern} (from #${after}) within ${timeoutMs} ms; the bot said:\n${said}`);
  }

  /**
   * Button titles of the Adaptive Card(s) inside one bot message: the accessible name (aria-label, the action's
   * title), which getByRole in clickCardButton matches too. Not the `title` attribute: the playground sets it to the
   * URL on Action.OpenUrl buttons (a hover hint). Includes those link buttons (role=link).
   */
  async cardButtons(message) {
    return message.locator(`${selectors.adaptiveCard} button`).evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') || b.innerText || b.getAttribute('title') || '').trim()));
  }

  /**
   * The URL of an Action.OpenUrl button, read from the hover hint the playground gives it (not clicked: the
   * browser may reach loopback only). The renderer gives such a <button> role=link, so getByRole('button') misses it.
   */
  async cardLinkUrl(message, title) {
    const link = message.locator(selectors.adaptiveCard).getByRole('link', { name: title, exact: true }).first();
    return link.getAttribute('title', { timeout: 10_000 });
  }

  /** Clicks a button (exact title or a RegExp) on the card inside message. */
  async clickCardButton(message, title) {
    const button = message.locator(selectors.adaptiveCard).getByRole('button', { name: title, exact: typeof title === 'string' });
    await button.first().click();
  }

  /** Types text into the compose box and presses the send button. */
  async send(text) {
    const input = this.page.locator(selectors.messageInput);
    await input.click();
    await input.pressSequentially(text);
    await this.page.locator(selectors.sendButton).click();
  }

  /**
   * Sends "@<mentioned> text" the way a person does: types "@" and the first word of the name, picks the
   * name in the playground's mention menu (which makes a real mention entity, `<at>name</at>`), then types the
   * rest. The compose box is checked before sending, so a lost keystroke fails here, not as a puzzling reply.
   */
  async sendWithMention(mentioned, text) {
    const input = this.page.locator(selectors.messageInput);
    await input.click();
    await input.pressSequentially(`@${mentioned.split(' ')[0]}`);
    const menu = this.page.locator(selectors.mentionMenu);
    // The item's accessible name repeats the avatar's label, so match its visible text.
    const option = menu.getByRole('menuitem').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(mentioned)}\\s*$`) });
    try {
      await option.waitFor({ timeout: 15_000 });
    } catch {
      const offered = await menu.getByRole('menuitem').allInnerTexts().catch(() => []);
      throw new Error(`the playground's mention menu did not offer "${mentioned}" (offered: ${offered.map((o) => o.trim()).join(' | ') || 'no menu'})`);
    }
    await option.click();
    await input.locator(selectors.mention, { hasText: mentioned }).waitFor({ timeout: 10_000 });
    await input.pressSequentially(` ${text}`);
    const composed = (await input.innerText()).replace(/\s+/g, ' ').trim();
    if (composed !== `${mentioned} ${text}`) throw new Error(`the compose box holds "${composed}", not "${mentioned} ${text}"`);
    await this.page.locator(selectors.sendButton).click();
  }

  /**
   * True when the playground's log panel lists text as delivered to the bot ("Microsoft 365 Agents Playground
   * -> User Application message 200 <text>"); the bot's own replies read "User Application -> … message 201".
   */
  async deliveredToBot(text) {
    const log = await this.page.locator('body').innerText();
    return new RegExp(`User Application\\s+message\\s+\\d+\\s+${escapeRegExp(text)}`).test(log);
  }

  /**
   * Runs the search-based message extension from the compose box: the playground does not read the manifest,
   * so the command id and parameter name are typed into its "Specify Command ID or Parameter" fields.
   * Returns a locator for the result panel once the bot has answered the composeExtension/query invoke.
   */
  async searchMessageExtension({ commandId, parameterName, query }) {
    await this.page.locator(selectors.messageExtensionButton).click();
    await this.page.getByRole('menuitem', { name: 'Search Command' }).click();
    const panel = this.page.getByRole('group').filter({ hasText: 'Search-Based Message Extension' }).first();
    await panel.getByText('Specify Command ID or Parameter').click();
    await panel.getByPlaceholder('Command ID').fill(commandId);
    await panel.getByPlaceholder('Parameter name').fill(parameterName);
    await panel.getByPlaceholder('Enter a search term').fill(query);
    await panel.getByPlaceholder('Enter a search term').press('Enter');
    return panel;
  }

  /** Screenshots one message bubble (whole card, even when taller than the chat pane). */
  async screenshotMessage(name, message) {
    this.step += 1;
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    // The chat pane is its own scroll container, so a tall card is cut off unless the window is tall enough.
    const viewport = this.page.viewportSize();
    const height = await message.evaluate((element) => element.scrollHeight);
    await this.page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, height + 400), 10_000) });
    try {
      await message.scrollIntoViewIfNeeded();
      await message.screenshot({ path: file });
    } finally {
      await this.page.setViewportSize(viewport);
    }
    return file;
  }

  /**
   * Scrolls the chat so that message is at the top (less `above` pixels, to show what led to it), then
   * screenshots the window: that message and what follows.
   */
  async screenshotFrom(name, message, { above = 0 } = {}) {
    await message.evaluate((element, offset) => {
      element.scrollIntoView({ block: 'start' });
      for (let pane = element.parentElement; pane; pane = pane.parentElement) {
        if (pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY)) {
          pane.scrollTop -= offset;
          break;
        }
      }
    }, above);
    return this.screenshot(name);
  }

  /** Scrolls the chat pane to its end (the newest messages), then screenshots the window. */
  async screenshotLatest(name) {
    await this.botMessages.last().evaluate((element) => {
      for (let pane = element.parentElement; pane; pane = pane.parentElement) {
        if (pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY)) {
          pane.scrollTop = pane.scrollHeight;
          break;
        }
      }
    });
    return this.screenshot(name);
  }

  async screenshot(name) {
    this.step += 1;
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
