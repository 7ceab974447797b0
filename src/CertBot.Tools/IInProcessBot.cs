using CertBot.Knowledge.Faq;
using CertBot.Protocol.Hosting;

namespace CertBot.Tools;

/// <summary>The bot running in this process, as the tools use it: the turn pipeline, its reading of a message, its curator log.</summary>
public interface IInProcessBot : IAsyncDisposable
{
    /// <summary>The turn pipeline; an activity sent with expectReplies comes back with the bot's replies.</summary>
    CloudAdapter Adapter { get; }

    /// <summary>Waits for the models that load in the background, so a tool measures the bot as it serves once warm.</summary>
    Task WhenModelsReadyAsync(CancellationToken cancellationToken);

    /// <summary>The FAQ decision the bot makes for <paramref name="text"/> as a new user's first message (persona hints and all).</summary>
    ValueTask<FaqMatch> ReadFaqAsync(string text, CancellationToken cancellationToken);

    /// <summary>
    /// The profile facts (slot name to value) the interview holds after <paramref name="text"/> as a new user's first
    /// message; empty when the bot's route table would not start the interview for it.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ReadProfileAsync(string text, CancellationToken cancellationToken);

    /// <summary>Every grouped curator signal recorded so far.</summary>
    Task<IReadOnlyList<CuratorSignal>> ReadCuratorSignalsAsync(CancellationToken cancellationToken);
}
