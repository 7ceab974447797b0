// Two CertBot instances on one Azure Blob container (Azurite), behind a round-robin proxy, talked to through the
// Microsoft 365 Agents Playground as a person would: a whole profile in one message, a FAQ question, "what did you
// recommend?" and a change of cloud, each turn landing on the other instance. What the person sees must be one
// consistent conversation: the recommendation is remembered across instances and every message gets one answer.
// Screenshots go to artifacts/e2e/scaleout/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../lib/browser.js';
import { dotnetArgs } from '../lib/certbot-cli.js';
import { artifactsDir, repoRoot } from '../lib/paths.js';
import { PlaygroundChat, startPlayground } from '../lib/playground.js';
import { freePort, runToEnd, startProcess, waitForHttp } from '../lib/processes.js';

const outDir = path.join(artifactsDir, 'e2e', 'scaleout');
const azuriteDir = path.join(repoRoot, 'tests', 'azurite');
const startupTimeout = 900_000;
const stepTimeout = { timeout: 120_000 };
// Azurite's documented development account (public, emulator only).
const devAccountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Forwards each request to the next backend in turn and counts what each one served. */
function startRoundRobin(ports, listenPort) {
  const served = ports.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next;
    next = (next + 1) % ports.length;
    if (request.url.startsWith('/api/messages')) served[index] += 1;
    const upstream = http.request(
      { host: '127.0.0.1', port: ports[index], path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
    upstream.on('error', (error) => {
      response.writeHead(502);
      response.end(String(error));
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve({ server, served })));
}

describe('two instances on Azure Blob through the playground', () => {
  let azurite;
  const bots = [];
  let proxy;
  let playground;
  let browser;
  let chat;

  before(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    if (!fs.existsSync(path.join(azuriteDir, 'node_modules', 'azurite'))) {
      const install = await runToEnd('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: azuriteDir });
      assert.equal(install.code, 0, `npm ci in tests/azurite failed:\n${install.stderr}`);
    }

    const blobPort = await freePort();
    azurite = startProcess('azurite', process.execPath,
      [path.join(azuriteDir, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js'), '--blobHost', '127.0.0.1',
        '--blobPort', String(blobPort), '--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry', '--loose'],
      { cwd: azuriteDir, env: {}, logFile: path.join(outDir, 'azurite.log') });
    await waitForHttp(`http://127.0.0.1:${blobPort}/devstoreaccount1?comp=list`, { timeoutMs: 60_000, process: azurite, accept: () => true });
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${devAccountKey};BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;`;

    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) {
      bots.push(startProcess(`CertBot ${i + 1}`, 'dotnet', dotnetArgs('--urls', `http://127.0.0.1:${port}`), {
        cwd: repoRoot,
        env: {
          Storage__Provider: 'AzureBlob',
          Storage__AzureBlob__ConnectionString: connectionString,
          Storage__AzureBlob__Container: 'certbot-e2e-scaleout',
          MicrosoftAppId: '', MicrosoftAppPassword: '', ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1',
        },
        logFile: path.join(outDir, `bot-${i + 1}.log`),
      }));
    }

    for (const [i, port] of ports.entries()) {
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, { timeoutMs: startupTimeout, process: bots[i], accept: (status) => status === 200 });
    }

    const proxyPort = await freePort();
    proxy = await startRoundRobin(ports, proxyPort);
    playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${proxyPort}/api/messages`, port: await freePort(), logDir: outDir });
    browser = await launchChromium();
    chat = new PlaygroundChat(await browser.context.newPage(), outDir);
    await chat.open(playground.url);
  }, { timeout: startupTimeout + 180_000 });

  after(async () => {
    if (chat) await chat.screenshot('final').catch(() => {});
    await browser?.close();
    await playground?.stop();
    proxy?.server.close();
    for (const bot of bots) await bot.stop();
    await azurite?.stop();
  });

  it('remembers the recommendation whichever instance answers, and answers every message once', { timeout: 300_000 }, async () => {
    await chat.waitForBotMessage(/CertBot/);
    await chat.page.waitForTimeout(2_000);

    let count = await chat.botMessageCount();
    await chat.send("DS, 4 yrs, we're an AWS shop");
    const card = await chat.waitForBotMessage(/MLA-C01/, { after: count });
    await chat.screenshotMessage('recommendation', card.message);

    count = await chat.botMessageCount();
    await chat.send('do i need a certification to get hired');
    await chat.waitForBotMessage(/Was this helpful/, { after: count });

    count = await chat.botMessageCount();
    await chat.send('what did you recommend?');
    const again = await chat.waitForBotMessage(/MLA-C01/, { after: count });
    await chat.screenshotMessage('recommendation-again', again.message);

    count = await chat.botMessageCount();
    await chat.send('actually we moved to Azure');
    const changed = await chat.waitForBotMessage(/AI-103/, { after: count });
    await chat.screenshotMessage('recommendation-azure', changed.message);

    // Each of those messages got exactly one reply (no duplicate from the other instance), and both served turns.
    await chat.page.waitForTimeout(2_000);
    const texts = await chat.botTexts();
    assert.equal(texts.filter((t) => /Was this helpful/.test(t)).length, 1, texts.join('\n---\n'));
    assert.ok(proxy.served.every((n) => n > 0), `turns per instance: ${proxy.served.join(', ')}`);
  });
});
