using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>
/// Runs a new person's FAQ question through the real bot before Kestrel listens (hosted services start before the
/// server), so the first turn does not pay for JIT compilation, JSON contracts, the FAQ matcher and the dialog: measured,
/// that first turn took about 0.9 s instead of a few milliseconds. The rest of a short scripted conversation (welcome,
/// recommendation, card, help) runs once <see cref="StartupDeferral"/> allows it, after listening: a first question does
/// not need it, and before listening it was about a tenth of the CPU spent before the first answer. The turns use a
/// private in-memory store and expectReplies, so nothing reaches the real state store or the Connector, and FAQ questions
/// the knowledge answers, so the curator log stays untouched. Switched off with <c>CertBot:WarmUpAtStart=false</c>.
/// </summary>
internal sealed partial class TurnPipelineWarmup(
    IServiceScopeFactory scopes,
    IOptions<BotFrameworkOptions> protocol,
    IOptions<CertBotOptions> options,
    CertBotTelemetry telemetry,
    TimeProvider clock,
    ITurnFailureReply failureReply,
    StartupDeferral deferral,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : IHostedService
{
    // A FAQ question as a new person's very first message: no conversation yet, a new user's state, the interview's
    // reading of a first message. The path the first request takes, so the one warmed before listening.
    private const string FirstQuestion = "do i need a certification to get hired";

    private static readonly string[] Messages =
        ["get a recommendation", "data scientist", "4", "AWS", "do i need a certification to get hired", "what can you do"];

    private Task _rest = Task.CompletedTask;

    /// <summary>Completes once the scripted conversation that runs after listening has run (or failed, or was stopped).</summary>
    public Task Rest => _rest;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            return;
        }

        var started = clock.GetTimestamp();
        if (await RunBoundedAsync(FirstQuestionAsync, cancellationToken).ConfigureAwait(false))
        {
            var elapsed = clock.GetElapsedTime(started);
            Log.WarmedUp(Logger, (long)elapsed.TotalMilliseconds);
        }

        _rest = Task.Run(
            async () =>
            {
                await deferral.Allowed.WaitAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
                var restarted = clock.GetTimestamp();
                if (await RunBoundedAsync(ConversationAsync, lifetime.ApplicationStopping).ConfigureAwait(false))
                {
                    var elapsed = clock.GetElapsedTime(restarted);
                    Log.RestWarmedUp(Logger, (long)elapsed.TotalMilliseconds);
                }
            },
            CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The conversation after listening ends with the stopping token; its turns must not outlive the services.
        try
        {
            await _rest.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever a warm-up turn cut short by the shutdown threw, nobody waits for its answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private ILogger Logger => loggers.CreateLogger<TurnPipelineWarmup>();

    private async Task<bool> RunBoundedAsync(Func<CloudAdapter, CancellationToken, Task> turns, CancellationToken cancellationToken)
    {
        try
        {
            // A bound on the registered clock, like every other wait the bot makes; a stuck warm-up must not hold start-up.
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20), clock);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            var storage = new MemoryStorage();
            var runner = new TurnRunner(scopes, storage, protocol, clock, loggers.CreateLogger<TurnRunner>());
            var adapter = new CloudAdapter(
                scopes, runner, storage, new TrustedServiceUrls(protocol), protocol, new TurnBudget(clock), loggers.CreateLogger<CloudAdapter>(), telemetry, failureReply);
            await turns(adapter, budget.Token).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A failed warm-up only means the first turn compiles what it needs itself.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.WarmupFailed(Logger, ex);
            return false;
        }
    }

    private static Task FirstQuestionAsync(CloudAdapter adapter, CancellationToken cancellationToken) =>
        RunAsync(adapter, Activity(ActivityTypes.Message, "a:certbot-warmup-question", "warmup-question", FirstQuestion), cancellationToken);

    private static async Task ConversationAsync(CloudAdapter adapter, CancellationToken cancellationToken)
    {
        var conversation = "a:certbot-warmup";
        await RunAsync(adapter, Activity(ActivityTypes.ConversationUpdate, conversation, "warmup-0", null), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < Messages.Length; i++)
        {
            await RunAsync(adapter, Activity(ActivityTypes.Message, conversation, $"warmup-{i + 1}", Messages[i]), cancellationToken).ConfigureAwait(false);
        }
    }

    // Through the same JSON contracts as /api/messages: read the activity from bytes, write the replies as the body.
    private static async Task RunAsync(CloudAdapter adapter, Protocol.Schema.Activity activity, CancellationToken cancellationToken)
    {
        var wire = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
        var incoming = JsonSerializer.Deserialize(wire, ProtocolJsonContext.Default.Activity)!;
        var result = await adapter.ProcessActivityAsync(incoming, identity: null, cancellationToken).ConfigureAwait(false);
        _ = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(result.Replies), ProtocolJsonContext.Default.ExpectedReplies);
    }

    private static Protocol.Schema.Activity Activity(string type, string conversation, string id, string? text) => new()
    {
        Type = type,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9/",
        DeliveryMode = "expectReplies",
        Locale = "en-US",
        Text = text,
        From = new ChannelAccount { Id = "29:certbot-warmup", Name = "Warm-up" },
        Recipient = new ChannelAccount { Id = "28:certbot", Name = "CertBot" },
        Conversation = new ConversationAccount { Id = conversation, ConversationType = "personal" },
        MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount { Id = "28:certbot", Name = "CertBot" }] : null,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Turn pipeline warmed up for a first question in {Milliseconds} ms, before listening")]
        public static partial void WarmedUp(ILogger logger, long milliseconds);

        [LoggerMessage(Level = LogLevel.Information, Message = "Turn pipeline warmed up for the rest of a conversation in {Milliseconds} ms, after listening")]
        public static partial void RestWarmedUp(ILogger logger, long milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the turn pipeline failed; the first turn will compile what it needs")]
        public static partial void WarmupFailed(ILogger logger, Exception exception);
    }
}
