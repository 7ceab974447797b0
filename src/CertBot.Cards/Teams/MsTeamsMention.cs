using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>A mention entity inside a card; pair it with the identical <see cref="Text"/> in the card's text.</summary>
public sealed record MsTeamsMention
{
    /// <summary>Always <c>mention</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "mention";

    /// <summary>The tag as it appears in the card text, e.g. <c>&lt;at&gt;Ada&lt;/at&gt;</c>.</summary>
    public required string Text { get; init; }

    /// <summary>Who is mentioned.</summary>
    public required MsTeamsMentioned Mentioned { get; init; }

    /// <summary>A mention whose text is <c>&lt;at&gt;name&lt;/at&gt;</c>.</summary>
    public static MsTeamsMention For(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new MsTeamsMention
        {
            Text = "<at>" + name + "</at>",
            Mentioned = new MsTeamsMentioned { Id = id, Name = name },
        };
    }
}
