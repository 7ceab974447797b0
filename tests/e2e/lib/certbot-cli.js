// Runs the CertBot host the way a developer would: `dotnet run --project src/CertBot -- <args>`.
// CERTBOT_DLL=<path to CertBot.dll> runs an already built or published binary instead (`dotnet <dll> <args>`).
import { hostProject, repoRoot } from './paths.js';
import { runToEnd } from './processes.js';

/** The dotnet arguments that start the host with cliArgs. run.sh builds once and sets CERTBOT_E2E_NO_BUILD=1. */
export function dotnetArgs(...cliArgs) {
  if (process.env.CERTBOT_DLL) return [process.env.CERTBOT_DLL, ...cliArgs];
  const noBuild = process.env.CERTBOT_E2E_NO_BUILD === '1' ? ['--no-build'] : [];
  return ['run', '--project', hostProject, ...noBuild, '--', ...cliArgs];
}

export function runCertBotCli(cliArgs, options = {}) {
  return runToEnd('dotnet', dotnetArgs(...cliArgs), { cwd: repoRoot, ...options });
}
