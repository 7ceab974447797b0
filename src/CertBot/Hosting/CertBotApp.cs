using System.Runtime.ExceptionServices;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Dialogs;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>The CertBot web application, one setup call per area; tests and the CLI build the same thing.</summary>
public static class CertBotApp
{
    public static WebApplication Build(string[] args) => Build(args, configureServices: null);

    /// <summary>Builds the application; <paramref name="configureServices"/> runs last, so a test can replace a service (a clock, a knowledge source).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        // Settings are read and validated once at start-up, so appsettings.json is not watched: on Linux that watch covers
        // the whole content root tree (an inotify watch per folder), which cost more of the start-up than anything else
        // when the bot runs from a large folder. Given first, so an operator's own argument still wins.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.Configuration.AddCertBotShippedSettings();
        builder.Configuration.AddCertBotLocalSettings(builder.Environment);
        builder.AddCertBotHosting();
        builder.Services.AddCertBotProtocol(builder.Configuration);
        builder.Services.AddCertBotStorage(builder.Configuration);
        builder.Services.AddCertBotEmbeddings(builder.Configuration);
        builder.Services.AddCertBotKnowledge(builder.Configuration);
        builder.Services.AddCertBotConversation(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        LoadContent(app.Services);
        app.MapCertBotEndpoints();
        return app;
    }

    /// <summary>
    /// Serves the bot until shut down. What operators get wrong at start-up (a broken content file, invalid
    /// settings, a taken port) ends it with exit code 1 and a short report on stderr, not a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception ex) when (ex is KnowledgeValidationException or DialogDefinitionException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync("CertBot cannot start: its content files are invalid.").ConfigureAwait(false);
            await stderr.WriteLineAsync(ex is KnowledgeValidationException knowledge ? knowledge.Report.Format() : ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await WriteInvalidSettingsAsync(stderr, ex).ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // One clear line for the operator instead of Kestrel's stack traces: the usual cause is a second bot.
                await stderr.WriteLineAsync($"CertBot cannot start: {ex.Message} Pick another address with --urls http://localhost:<port> (or ASPNETCORE_URLS).").ConfigureAwait(false);
                return 1;
            }
            catch (OptionsValidationException ex)
            {
                await WriteInvalidSettingsAsync(stderr, ex).ConfigureAwait(false);
                return 1;
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task WriteInvalidSettingsAsync(TextWriter stderr, OptionsValidationException ex)
    {
        await stderr.WriteLineAsync("CertBot cannot start: its settings are invalid (see appsettings.sample.json and the README's deployment section).").ConfigureAwait(false);
        foreach (var failure in ex.Failures)
        {
            await stderr.WriteLineAsync("  - " + failure).ConfigureAwait(false);
        }
    }

    // Loads the knowledge and the catalogues (wording and dialog) now, so an invalid file refuses start-up instead of failing a user's
    // turn. They are independent and each mostly parsing and first-call compilation, so they load side by side (with the
    // card serializer's contract, the first card's largest cost, and the English detail-gap finder); the first broken
    // file in this order is the one reported.
    private static void LoadContent(IServiceProvider services)
    {
        Task[] loads =
        [
            // The detail-gap finder tries every detail topic against every FAQ phrasing (a quarter of a second), and
            // the first FAQ question needs it: built here, beside the catalogues, instead of inside the first turn.
            Task.Run(() => services.GetRequiredService<IKnowledgeSource>().Snapshot.Gaps),
            // Every locale's wording and dialog, the English ones included, come from this one load.
            Task.Run(() => services.GetRequiredService<Catalogues>()),
            Task.Run(AdaptiveCardSerializer.Warm),
        ];
        try
        {
            Task.WaitAll(loads);
        }
        catch (AggregateException)
        {
            var failed = loads.First(l => l.IsFaulted).Exception!.InnerException!;
            ExceptionDispatchInfo.Capture(failed).Throw();
        }
    }
}
