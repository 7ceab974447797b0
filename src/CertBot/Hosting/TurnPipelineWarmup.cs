using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>
/// Runs one short scripted conversation through the real bot before Kestrel listens (hosted services start before
/// the server), so the first person's turn does not pay for JIT compilation, JSON contracts, the FAQ matcher and the
/// dialog: measured, that first turn took about 0.9 s instead of a few milliseconds. The turns use a private
/// in-memory store and expectReplies, so nothing reaches the real state store or the Connector, and a FAQ question
/// the knowledge answers, so the curator log stays untouched. Switched off with <c>CertBot:WarmUpAtStart=false</c>.
/// </summary>
internal sealed partial class TurnPipelineWarmup(
    IServiceScopeFactory scopes,
    IOptions<BotFrameworkOptions> protocol,
    IOptions<CertBotOptions> options,
    CertBotTelemetry telemetry,
    TimeProvider clock,
    ITurnFailureReply failureReply,
    ILoggerFactory loggers) : IHostedService
{
    private static readonly string[] Messages =
        ["get a recommendation", "data scientist", "4", "AWS", "do i need a certification to get hired", "what can you do"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            return;
        }

        var started = clock.GetTimestamp();
        try
        {
            // A bound on the registered clock, like every other wait the bot makes; a stuck warm-up must not hold start-up.
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20), clock);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            var storage = new MemoryStorage();
            var runner = new TurnRunner(scopes, storage, protocol, clock, loggers.CreateLogger<TurnRunner>());
            var adapter = new CloudAdapter(
                scopes, runner, storage, new TrustedServiceUrls(protocol), protocol, new TurnBudget(clock), loggers.CreateLogger<CloudAdapter>(), telemetry, failureReply);
            var conversation = "a:certbot-warmup";
            await RunAsync(adapter, Activity(ActivityTypes.ConversationUpdate, conversation, 0, null), budget.Token).ConfigureAwait(false);
            for (var i = 0; i < Messages.Length; i++)
            {
                await RunAsync(adapter, Activity(ActivityTypes.Message, conversation, i + 1, Messages[i]), budget.Token).ConfigureAwait(false);
            }

            var elapsed = clock.GetElapsedTime(started);
            Log.WarmedUp(Logger, (long)elapsed.TotalMilliseconds);
        }
#pragma warning disable CA1031 // A failed warm-up only means the first turn compiles what it needs itself.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.WarmupFailed(Logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private ILogger Logger => loggers.CreateLogger<TurnPipelineWarmup>();

    // Through the same JSON contracts as /api/messages: read the activity from bytes, write the replies as the body.
    private static async Task RunAsync(CloudAdapter adapter, Protocol.Schema.Activity activity, CancellationToken cancellationToken)
    {
        var wire = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
        var incoming = JsonSerializer.Deserialize(wire, ProtocolJsonContext.Default.Activity)!;
        var result = await adapter.ProcessActivityAsync(incoming, identity: null, cancellationToken).ConfigureAwait(false);
        _ = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(result.Replies), ProtocolJsonContext.Default.ExpectedReplies);
    }

    private static Protocol.Schema.Activity Activity(string type, string conversation, int sequence, string? text) => new()
    {
        Type = type,
        Id = $"warmup-{sequence}",
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
        [LoggerMessage(Level = LogLevel.Information, Message = "Turn pipeline warmed up in {Milliseconds} ms, before listening")]
        public static partial void WarmedUp(ILogger logger, long milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the turn pipeline failed; the first turn will compile what it needs")]
        public static partial void WarmupFailed(ILogger logger, Exception exception);
    }
}
