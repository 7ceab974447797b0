// Talks to CertBot through the Microsoft 365 Agents Playground's web UI in Chromium, the way a person in Teams
// would: welcome card, FAQ with a typo, the recommendation dialog by card buttons with an interruption, the
// recommendation card and the message extension; what a new user types (a whole profile in one message, a
// detail the bot does not hold, "thanks!", "what did you recommend?"); then, in the playground's group chat,
// an @mention that recommends, sharing the card and "Get my own recommendation". Screenshots of every step go to
// artifacts/e2e/playground/.
//
// CERTBOT_E2E_BOT=reference runs the same checks against fixtures/reference-bot.js (a stand-in that proves
// the driver works while the real bot is unfinished); the default is the real host via `dotnet run`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../lib/browser.js';
import { dotnetArgs } from '../lib/certbot-cli.js';
import { artifactsDir, e2eDir, repoRoot } from '../lib/paths.js';
import { PlaygroundChat, escapeRegExp, playgroundBotName, startPlayground } from '../lib/playground.js';
import { freePort, startProcess, waitForHttp } from '../lib/processes.js';

// Free ports unless given: a developer's bot on 3978 or a second run must not make this test fail.
const botPort = Number(process.env.CERTBOT_E2E_BOT_PORT || await freePort());
const playgroundPort = Number(process.env.CERTBOT_E2E_PLAYGROUND_PORT || await freePort());
const outDir = path.join(artifactsDir, 'e2e', 'playground');
const useReferenceBot = process.env.CERTBOT_E2E_BOT === 'reference';
const welcomeButtons = ['Get a recommendation', 'Compare certifications', 'Ask a question'];
const roleButtons = ['Software engineer new to ML', 'Data scientist moving into engineering', 'ML practitioner'];
const startupTimeout = 900_000; // the first `dotnet run` may still have to build
const stepTimeout = { timeout: 120_000 };
const quietPeriodMs = 6_000; // how long an un-mentioned group message must stay unanswered
const settleMs = 2_000; // after the expected reply: time for an unwanted extra message (a question, a feedback card) to show
const wholeProfile = "DS, 4 yrs, we're an AWS shop";
// The three profile questions (dialogs/profile.dialog.en.yaml prompts), to prove none was asked.
const profileQuestion = /describes you best|Where are you starting from|years of hands-on|how long have you worked|How long have you used|Which cloud/i;

function startBot() {
  const logFile = path.join(outDir, 'bot.log');
  if (useReferenceBot) {
    return startProcess('reference bot', process.execPath, [path.join(e2eDir, 'fixtures', 'reference-bot.js')], { cwd: e2eDir, env: { PORT: String(botPort) }, logFile });
  }
  // Local mode: an empty MicrosoftAppId (overriding any developer configuration) makes the bot accept the
  // playground's unauthenticated requests. Production environment, so no user secrets are loaded.
  // A prebuilt CERTBOT_DLL runs from its own folder, as a published bot would.
  return startProcess('CertBot', 'dotnet', dotnetArgs('--urls', `http://127.0.0.1:${botPort}`), {
    cwd: process.env.CERTBOT_DLL ? path.dirname(path.resolve(process.env.CERTBOT_DLL)) : repoRoot,
    env: { Storage__Provider: 'Memory', MicrosoftAppId: '', MicrosoftAppPassword: '', ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1' },
    logFile,
  });
}

describe('playground', () => {
  let bot;
  let playground;
  let browser;
  let chat;
  let welcome;

  before(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    bot = startBot();
    // /readyz: options valid and storage answering (the reference bot answers it too).
    await waitForHttp(`http://127.0.0.1:${botPort}/readyz`, { timeoutMs: startupTimeout, process: bot, accept: (status) => status === 200 });
    playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${botPort}/api/messages`, port: playgroundPort, logDir: outDir });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    chat = new PlaygroundChat(page, outDir);
    await chat.open(playground.url);
  }, { timeout: startupTimeout + 180_000 });

  after(async () => {
    if (chat) await chat.screenshot('final').catch(() => {});
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('greets a new personal chat with one welcome card', stepTimeout, async () => {
    welcome = await chat.waitForBotMessage(/CertBot/);
    await chat.page.waitForTimeout(2_000); // installationUpdate and conversationUpdate both arrive: give a double welcome time to show
    await chat.screenshot('welcome');
    const buttons = await chat.cardButtons(welcome.message);
    for (const title of welcomeButtons) assert.ok(buttons.includes(title), `welcome card buttons: ${buttons.join(' | ')}`);
    const welcomes = (await chat.botTexts()).filter((text) => welcomeButtons.every((title) => text.includes(title)));
    assert.equal(welcomes.length, 1, 'exactly one welcome card');
  });

  it('answers a FAQ question with a typo with a card that asks for feedback', stepTimeout, async () => {
    const before = await chat.botMessageCount();
    await chat.send('do i need a certifcation to get hired');
    const answer = await chat.waitForBotMessage(/helpful/i, { after: before });
    await chat.screenshot('faq-typo');
    const buttons = await chat.cardButtons(answer.message);
    assert.ok(buttons.length >= 2, `feedback buttons expected, card has: ${buttons.join(' | ')}`);
  });

  let yearsQuestion;
  it('runs the dialog by clicking card buttons', stepTimeout, async () => {
    let before = await chat.botMessageCount();
    await chat.clickCardButton(welcome.message, 'Get a recommendation');
    const roleQuestion = await chat.waitForBotMessage(new RegExp(roleButtons.map(escapeRegExp).join('[\\s\\S]*')), { after: before });
    await chat.screenshot('role-question');
    assert.deepEqual((await chat.cardButtons(roleQuestion.message)).filter((title) => roleButtons.includes(title)), roleButtons);

    before = await chat.botMessageCount();
    await chat.clickCardButton(roleQuestion.message, 'ML practitioner');
    yearsQuestion = await chat.waitForBotMessage(/years|how long/i, { after: before });
    await chat.screenshot('ml-years-question');
    await chat.screenshotMessage('ml-years-question-card', yearsQuestion.message); // the quick year buttons, whole
  });

  it('answers an interruption mid-dialog and then resumes the question', stepTimeout, async () => {
    assert.ok(yearsQuestion, 'the dialog reached the years question');
    const before = await chat.botMessageCount();
    await chat.send('how much do the exams cost');
    const answer = await chat.waitForBotMessage(/helpful/i, { after: before });
    const reprompt = await chat.waitForBotMessage(/years|how long/i, { after: answer.index + 1 });
    await chat.screenshot('interruption');
    assert.ok(reprompt.index > answer.index);
  });

  let recommendation;
  it('offers quick buttons for the years, then asks the cloud and recommends at once', stepTimeout, async () => {
    assert.ok(yearsQuestion, 'the dialog reached the years question');
    const yearButtons = await chat.cardButtons(yearsQuestion.message);
    assert.ok(yearButtons.length >= 5, `quick year buttons expected, card has: ${yearButtons.join(' | ')}`);

    let before = await chat.botMessageCount();
    await chat.send('4');
    const cloudQuestion = await chat.waitForBotMessage(/Google Cloud[\s\S]*AWS[\s\S]*Azure/, { after: before });
    await chat.screenshot('cloud-question');
    const clouds = await chat.cardButtons(cloudQuestion.message);
    for (const title of ['Google Cloud', 'AWS', 'Azure']) assert.ok(clouds.includes(title), `cloud buttons: ${clouds.join(' | ')}`);
    assert.ok(clouds.some((title) => /^Not sure/.test(title)), `cloud buttons: ${clouds.join(' | ')}`);

    // Three facts, three questions: no fourth question about years on the cloud before the recommendation.
    before = await chat.botMessageCount();
    await chat.clickCardButton(cloudQuestion.message, 'Google Cloud');
    recommendation = await chat.waitForBotMessage(/Professional Machine Learning Engineer/, { after: before });
    await chat.screenshot('recommendation');
    await chat.screenshotMessage('recommendation-card', recommendation.message);
  });

  it('shows the recommendation as an Adaptive Card', stepTimeout, async () => {
    assert.ok(recommendation, 'the dialog produced a recommendation');
    assert.equal(await recommendation.message.locator('.ac-adaptiveCard').count(), 1, 'the recommendation is a card');
  });

  it('answers the searchCertifications message extension with results', stepTimeout, async () => {
    const panel = await chat.searchMessageExtension({ commandId: 'searchCertifications', parameterName: 'query', query: 'aws' });
    const result = panel.getByText(/AWS/).first();
    const unreachable = panel.getByText('Unable to reach app');
    await result.or(unreachable).first().waitFor({ timeout: 60_000 });
    await chat.screenshot('message-extension');
    if (await unreachable.isVisible()) {
      // Playground 0.2.28 shows no results at all when a result preview has a `tap` action (its log panel
      // says "Search-based message extension tap action is not supported"); Teams itself supports tap.
      const tapUnsupported = /tap action is not supported/i.test(await chat.page.locator('body').innerText());
      assert.fail(tapUnsupported
        ? 'the playground cannot display search results whose preview has a tap action: drop preview.tap (Teams then inserts the card on click) or accept this playground limitation'
        : 'the playground says "Unable to reach app" for the composeExtension/query invoke: see artifacts/e2e/playground/bot.log');
    }
    await chat.page.keyboard.press('Escape');
  });

  // What a new user types instead of tapping: a whole profile in one message, a detail the bot does not hold,
  // small talk, and asking for the result again. "forget me" first, so the profile meets an empty state as a new
  // user's would (after a recommendation only first-person clauses edit it), and a different profile (data
  // scientist, AWS) shows that "what did you recommend?" returns the latest recommendation, not the first.
  let awsRecommendation;
  it('recommends at once for a whole profile in one message, without another question', stepTimeout, async () => {
    await chat.page.keyboard.press('Escape'); // the message extension panel must not keep the focus
    let before = await chat.botMessageCount();
    await chat.send('forget me');
    await chat.waitForBotMessage(/deleted everything/, { after: before });

    before = await chat.botMessageCount();
    await chat.send(wholeProfile);
    awsRecommendation = await chat.waitForBotMessage(/MLA-C01/, { after: before });
    await chat.page.waitForTimeout(settleMs); // a question sent after the card would show up now
    await chat.screenshotFrom('whole-profile', chat.botMessages.nth(before), { above: 120 }); // with the typed profile
    await chat.screenshotMessage('whole-profile-card', awsRecommendation.message);
    const replies = (await chat.botTexts()).slice(before);
    const questions = replies.filter((text) => profileQuestion.test(text));
    assert.deepEqual(questions, [], `no profile question expected after "${wholeProfile}"`);
    const card = awsRecommendation.message.locator('.ac-adaptiveCard');
    assert.equal(await card.count(), 1, 'the recommendation is an Adaptive Card');
    const primary = card.locator('#primary-credential');
    assert.match(await primary.count() ? await primary.innerText() : await card.innerText(), /MLA-C01/, 'the recommended credential is MLA-C01');
    assert.match(await card.innerText(), /data scientist/i, 'the card shows the role the message gave');
  });

  // Years on the target cloud were not given, so the card offers quick answers. The chip is an Action.Execute: the
  // playground sends an adaptiveCard/action invoke and swaps the card for the one in the response, as Teams does.
  it('re-judges readiness in place when "Years on AWS: 1-2" is tapped on the card', stepTimeout, async () => {
    assert.ok(awsRecommendation, 'the whole profile produced a recommendation');
    const card = awsRecommendation.message.locator('.ac-adaptiveCard');
    assert.match(await card.innerText(), /Can't tell yet/, 'before the tap the AWS years are unknown');
    const before = await chat.botMessageCount();
    await chat.clickCardButton(awsRecommendation.message, '1-2');
    await chat.page.waitForFunction(
      (element) => /Years on AWS: 1\.5 of 1\+/.test(element.innerText),
      await awsRecommendation.message.elementHandle(),
      { timeout: 20_000 },
    );
    await chat.page.waitForTimeout(settleMs); // a second card sent instead of the update would show up now
    await chat.screenshotMessage('whole-profile-card-after-cloud-years', awsRecommendation.message);
    const text = await awsRecommendation.message.locator('.ac-adaptiveCard').innerText();
    assert.match(text, /\bReady\b/, 'the refreshed card says Ready');
    assert.doesNotMatch(text, /Tap one to re-check/, 'the quick answers are gone once answered');
    assert.equal(await chat.botMessageCount(), before, 'the card was updated in place, not sent again');
  });

  it('says honestly that it does not have a detail, with a link to the official page and no feedback question', stepTimeout, async () => {
    const before = await chat.botMessageCount();
    await chat.send('what\'s the passing score for the google ml engineer exam?');
    const reply = await chat.waitForBotMessage(/don't have|do not have|won't guess/i, { after: before });
    await chat.page.waitForTimeout(settleMs); // a feedback card sent after the reply would show up now
    await chat.screenshotLatest('not-held');
    await chat.screenshotMessage('not-held-card', reply.message);
    assert.match(await reply.message.innerText(), /passing score/i, 'the reply names the detail it does not have');
    const buttons = await chat.cardButtons(reply.message);
    assert.ok(buttons.includes('Open the official page'), `a link button expected, the reply has: ${buttons.join(' | ') || 'no buttons'}`);
    const url = await chat.cardLinkUrl(reply.message, 'Open the official page');
    assert.match(url ?? '', /^https:\/\/cloud\.google\.com\//, 'the link goes to Google Cloud\'s own page');
    const replies = (await chat.botTexts()).slice(before);
    assert.ok(!replies.some((text) => /helpful/i.test(text)), `no "Was this helpful?" expected for a detail it does not have; the bot said:\n${replies.join('\n---\n')}`);
  });

  it('answers "thanks!" with a short friendly reply', stepTimeout, async () => {
    const before = await chat.botMessageCount();
    await chat.send('thanks!');
    const reply = await chat.waitForBotMessage(/\S/, { after: before });
    await chat.page.waitForTimeout(settleMs);
    await chat.screenshotLatest('thanks');
    const replies = (await chat.botTexts()).slice(before);
    assert.equal(replies.length, 1, `one reply expected to "thanks!"; the bot said:\n${replies.join('\n---\n')}`);
    assert.doesNotMatch(replies[0], /I don't know that one/, 'small talk is not out of scope');
    assert.doesNotMatch(replies[0], /helpful/i, 'small talk is not a FAQ answer');
    assert.ok(replies[0].trim().length <= 300, `a short reply expected, got ${replies[0].trim().length} characters: ${replies[0]}`);
  });

  it('shows the latest recommendation again when asked "what did you recommend?"', stepTimeout, async () => {
    assert.ok(awsRecommendation, 'the whole profile produced a recommendation');
    const before = await chat.botMessageCount();
    await chat.send('what did you recommend?');
    const again = await chat.waitForBotMessage(/MLA-C01/, { after: before });
    await chat.screenshotFrom('recommendation-again', chat.botMessages.nth(before), { above: 120 });
    const card = again.message.locator('.ac-adaptiveCard');
    assert.equal(await card.count(), 1, 'the recommendation is shown again as an Adaptive Card');
    const primary = card.locator('#primary-credential');
    assert.match(await primary.count() ? await primary.innerText() : await card.innerText(), /MLA-C01/, 'the same credential as before');
  });

  // Group chat: the bot only hears @mentions, names whose recommendation it is, and a shared card lets the
  // others get their own. The playground has one signed-in user, so the sharer also plays the colleague.
  describe('group chat', { skip: useReferenceBot && 'the reference bot implements the personal chat only' }, () => {
    const profileText = 'data scientist, 4 years of ML, azure';
    let userName;
    let groupRecommendation;
    let sharedCard;

    it('switches to the group chat, where CertBot introduces itself for groups', stepTimeout, async () => {
      await chat.page.keyboard.press('Escape'); // nothing of the personal chat may stay open
      userName = await chat.userName();
      await chat.openConversation('Group Chat');
      // The first visit installs the bot in the group: its welcome card has the group wording.
      // Wait for the group wording: until the pane has switched it still shows the personal chat's welcome.
      const welcome = await chat.waitForBotMessage(/Mention me/);
      await chat.page.waitForTimeout(2_000); // installationUpdate and conversationUpdate both arrive: give a double welcome time to show
      await chat.screenshot('group-welcome');
      assert.match(await welcome.message.innerText(), /Hi, I'm CertBot/, 'the group welcome is the welcome card');
      assert.equal((await chat.botTexts()).filter((text) => /Hi, I'm CertBot/.test(text)).length, 1, 'exactly one welcome card in the group');
    });

    it('does not answer a group message that does not @mention it', stepTimeout, async (t) => {
      assert.ok(userName, 'the group chat is open');
      const before = await chat.botMessageCount();
      await chat.send(profileText);
      await chat.page.waitForTimeout(quietPeriodMs);
      await chat.screenshot('group-no-mention');
      const replies = (await chat.botTexts()).slice(before);
      assert.deepEqual(replies, [], `no reply expected to a message without @mention within ${quietPeriodMs} ms`);
      // Like Teams without the RSC permission to read all group messages, the playground does not even deliver
      // it (CertBot's own filter is covered by GroupChatTests.Message_WithoutMention_IsIgnored).
      t.diagnostic(await chat.deliveredToBot(profileText)
        ? 'the playground delivered the message and the bot stayed silent'
        : 'the playground did not deliver the un-mentioned message to the bot');
    });

    it('recommends for the person who @mentions it', stepTimeout, async () => {
      assert.ok(userName, 'the group chat is open');
      const before = await chat.botMessageCount();
      await chat.sendWithMention(playgroundBotName, profileText);
      groupRecommendation = await chat.waitForBotMessage(/AI-103/, { after: before });
      await chat.screenshotFrom('group-recommendation', groupRecommendation.message, { above: 170 }); // with the @mention and "Got it"
      await chat.screenshotMessage('group-recommendation-card', groupRecommendation.message);
      const card = groupRecommendation.message.locator('.ac-adaptiveCard');
      assert.equal(await card.count(), 1, 'the recommendation is an Adaptive Card');
      const heading = (await card.locator('.ac-textBlock').first().innerText()).trim();
      assert.equal(heading, `Recommendation for ${userName}`, 'in a group the heading says whose recommendation it is');
      const primary = card.locator('#primary-credential');
      assert.match(await primary.count() ? await primary.innerText() : await card.innerText(), /AI-103/, 'the recommended credential is AI-103');
      assert.ok((await chat.cardButtons(groupRecommendation.message)).includes('Share'), 'the card has a Share button');
    });

    it('shares the recommendation with the group', stepTimeout, async () => {
      assert.ok(groupRecommendation, 'the group recommendation was shown');
      const before = await chat.botMessageCount();
      await chat.clickCardButton(groupRecommendation.message, 'Share');
      const note = await chat.waitForBotMessage(new RegExp(`^\\s*${escapeRegExp(userName)} shared a recommendation\\.\\s*$`), { after: before });
      sharedCard = await chat.waitForBotMessage(/Get my own recommendation/, { after: note.index + 1 });
      await chat.screenshotFrom('group-shared', note.message);
      await chat.screenshotMessage('group-shared-card', sharedCard.message);
      const card = sharedCard.message.locator('.ac-adaptiveCard');
      assert.equal(await card.count(), 1, 'the shared recommendation is an Adaptive Card');
      assert.match(await card.innerText(), new RegExp(`Shared by ${escapeRegExp(userName)}`), 'the shared card says who shared it');
      assert.match(await card.innerText(), /AI-103/, 'the shared card carries the same recommendation');
      assert.ok((await chat.cardButtons(sharedCard.message)).includes('Get my own recommendation'));
    });

    it('"Get my own recommendation" starts the clicker\'s own interview in their personal chat', stepTimeout, async () => {
      assert.ok(sharedCard, 'the shared card was posted');
      const before = await chat.botMessageCount();
      await chat.clickCardButton(sharedCard.message, 'Get my own recommendation');
      // CertBot:MoveInterviewsToPersonalChat (default true) asks personal questions in the personal chat when it
      // can open one; the playground's mock Connector accepts createConversation, so it can here. (Without a
      // personal chat the role question is asked in the group, addressed by name: see the skipped step below.)
      const movedNote = new RegExp(`^\\s*${escapeRegExp(userName)}, I've sent you a private message`);
      const roleInGroup = new RegExp(`^\\s*${escapeRegExp(userName)}, Which of these describes you best\\?`);
      const answer = await chat.waitForBotMessage(new RegExp(`${movedNote.source}|${roleInGroup.source}`), { after: before });
      await chat.screenshotFrom('group-get-my-own', answer.message);
      const said = await answer.message.innerText();
      assert.doesNotMatch(said, roleInGroup,
        'the bot asked in the group although the playground lets it open a personal chat: its createConversation failed (see artifacts/e2e/playground/bot.log, "Could not open a personal chat")');
      assert.match(said, movedNote, 'the group is told, by name, where the questions went');

      await chat.openConversation('Personal Chat');
      const intro = await chat.waitForBotMessage(/let's continue here/); // only the handed-over conversation says this
      const roleQuestion = await chat.waitForBotMessage(new RegExp(`Which of these describes you best\\?[\\s\\S]*${roleButtons.map(escapeRegExp).join('[\\s\\S]*')}`), { after: intro.index + 1 });
      await chat.screenshotFrom('personal-role-question', intro.message);
      assert.deepEqual((await chat.cardButtons(roleQuestion.message)).filter((title) => roleButtons.includes(title)), roleButtons);
    });

    it('asks the role question in the group, addressed by name, when no personal chat can be opened', {
      skip: 'the playground accepts every createConversation, so CertBot always moves the interview to the personal chat here; '
        + 'the in-group fallback is covered by GroupChatTests.InterviewQuestion_InGroupWithoutPersonalChat_IsAddressedToTheAsker',
    }, () => {});
  });
});

