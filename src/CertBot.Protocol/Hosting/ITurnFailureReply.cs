using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// What a person is told when their turn fails: the host words it for the failed activity (its locale, its channel),
/// so the protocol layer sends an apology in the person's language without knowing the host's catalogues. The
/// default, <see cref="ConfiguredTurnFailureReply"/>, sends <c>BotFramework:ErrorMessage</c>.
/// </summary>
public interface ITurnFailureReply
{
    /// <summary>The apology for the failed turn of <paramref name="activity"/>; never empty.</summary>
    string TextFor(Activity activity);
}
