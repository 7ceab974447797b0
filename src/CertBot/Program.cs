using CertBot.Cli;
using CertBot.Hosting;

// 'dotnet run --project src/CertBot -- <command>' runs a tool (chat, validate-knowledge, faq-eval, profile-eval, package,
// report; the verbs live in CertBot.Tools); with no command it serves the bot on /api/messages.
return CommandLine.IsCommand(args)
    ? await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false)
    : await CertBotApp.RunAsync(args, Console.Error).ConfigureAwait(false);
