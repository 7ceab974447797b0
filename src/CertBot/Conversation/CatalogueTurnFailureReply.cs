using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Conversation;

/// <summary>
/// The apology of a failed turn in the person's language: <c>errors.apology</c> of the catalogue the activity's locale
/// resolves to (messages.fr.yaml for fr-FR, English when the language has no catalogue or no apology of its own).
/// </summary>
public sealed class CatalogueTurnFailureReply(Catalogues catalogues) : ITurnFailureReply
{
    /// <inheritdoc />
    public string TextFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return catalogues.Resolve(activity.Locale).Messages.Errors.Apology;
    }
}
