namespace CertBot.Cards;

/// <summary>The Teams-only <c>msteams</c> object on the card root.</summary>
public sealed record MsTeamsCardProperties
{
    /// <summary>The <see cref="Width"/> value that makes the card use the full message width.</summary>
    public const string FullWidth = "Full";

    /// <summary><c>"Full"</c> for a full-width card, null for the default.</summary>
    public string? Width { get; init; }

    /// <summary>Mention entities; each must match an <c>&lt;at&gt;</c> tag in a TextBlock or FactSet.</summary>
    public IList<MsTeamsMention> Entities { get => field ??= []; init; }
}
