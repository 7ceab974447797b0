// Starting, waiting for and stopping the processes an end-to-end test needs (the bot, the playground).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Spawns a long-running process in its own process group, teeing its output to logFile.
 * stop() ends that group only (never by name), first politely, then with SIGKILL.
 */
export function startProcess(name, command, args, { cwd, env, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    log.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    log.end();
    resolve(exited);
  }));
  return {
    name,
    child,
    get output() { return output; },
    get exited() { return exited; },
    async stop() {
      if (exited) return exited;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now: the OS picks it (port 0) and we release it at once,
 * so parallel runs and a developer's own bot on 3978 never collide.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers (any HTTP status below 500 unless accept says otherwise) or the process dies. */
export async function waitForHttp(url, { timeoutMs, process: proc, accept = (status) => status < 500 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (proc?.exited) {
      throw new Error(`${proc.name} exited (${JSON.stringify(proc.exited)}) before ${url} answered:\n${excerpt(proc.output)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (accept(response.status)) return response;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})${proc ? `\n${proc.name} output:\n${excerpt(proc.output)}` : ''}`);
}

/** Runs a command to completion and resolves with its exit code and output. */
export function runToEnd(command, args, { cwd, env, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms`)); }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** The start (where an exception names itself) and the end of a long process output. */
export function excerpt(output, size = 2500) {
  return output.length <= 2 * size ? output : `${output.slice(0, size)}\n[…]\n${output.slice(-size)}`;
}
