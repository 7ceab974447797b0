using CertBot.Cli;
using CertBot.Hosting;

// 'dotnet run --project src/CertBot -- <command>' runs a tool (chat, validate-knowledge, package, report, faq-eval);
// with no command it serves the bot on /api/messages.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
}

var app = CertBotApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
return 0;
