using CertBot.Conversation;
using CertBot.Curation;
using CertBot.Dialogs;
using CertBot.Tools;

namespace CertBot.Cli;

/// <summary>
/// The bot's services for a tool, read the way a turn reads a new user's first message; <paramref name="owner"/>, when
/// given, is what built them (the web application, never started) and is disposed with this.
/// </summary>
internal sealed class InProcessBot(IServiceProvider services, IAsyncDisposable? owner = null) : IInProcessBot
{
    public CloudAdapter Adapter => services.GetRequiredService<CloudAdapter>();

    public Task WhenModelsReadyAsync(CancellationToken cancellationToken) => CertBotServices.WhenModelsReadyAsync(services, cancellationToken);

    public ValueTask<FaqMatch> ReadFaqAsync(string text, CancellationToken cancellationToken) => Read(text).FaqAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ReadProfileAsync(string text, CancellationToken cancellationToken)
    {
        var reading = Read(text);
        var route = await MessageRouteTable.SelectAsync(reading, cancellationToken).ConfigureAwait(false);
        // Facts start the interview; so does a recommendation request (the trigger route), with whatever it states.
        if (route != MessageRoute.Facts && !(route == MessageRoute.Intent && reading.Intent == HostIntent.None))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var step = await services.GetRequiredService<ProfileInterview>().BeginStepAsync(DialogState.Idle, text, cancellationToken).ConfigureAwait(false);
        return step.State.Values;
    }

    public async Task<IReadOnlyList<CuratorSignal>> ReadCuratorSignalsAsync(CancellationToken cancellationToken)
    {
        var events = await services.GetRequiredService<CuratorLog>().ReadAsync(cancellationToken).ConfigureAwait(false);
        return CuratorSignals.From(events);
    }

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;

    private MessageReading Read(string text) =>
        services.GetRequiredService<MessageRouter>().Read(DialogState.Idle, text, services.GetRequiredService<IKnowledgeSource>().Snapshot);
}
