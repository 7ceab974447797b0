using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>
/// A feature reached both by a typed phrase and by its card's buttons, with one handler for both. Its name and rank are
/// in its <see cref="CardFeatureAttribute"/> (read at start-up without building the handler, so the catalogues can rank
/// its phrases while the handler itself may depend on them); its phrases are <c>intents.{name}</c> and its wording
/// <c>features.{name}</c> in dialogs/messages.en.yaml (<see cref="BotMessages.Feature"/>). Every class in the host
/// assembly that implements this is registered at start-up, so adding a feature edits no shared file.
/// </summary>
public interface ICardFeature
{
    /// <summary>Runs the feature: <paramref name="button"/> is the tapped button's data (Action.Submit, or an Action.Execute
    /// invoke, where setting <see cref="ITurnContext.InvokeResponse"/> answers it), null when the phrase was typed.</summary>
    Task RunAsync(ITurnContext turn, CardActionData? button, CancellationToken cancellationToken);
}
