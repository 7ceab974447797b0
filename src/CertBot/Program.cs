using CertBot.Cli;
using CertBot.Hosting;

// 'dotnet run --project src/CertBot -- <command>' runs a tool (chat, validate-knowledge, package, report, faq-eval);
// with no command it serves the bot on /api/messages.
return CommandLine.IsCommand(args)
    ? await CommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false)
    : await CertBotApp.RunAsync(args, Console.Error).ConfigureAwait(false);
