using System.Text;
using System.Text.Json;

namespace CertBot.Cards.Testing;

/// <summary>
/// Checks card JSON against what Teams renders and what CertBot's model can express. It walks the JSON itself,
/// so it also catches problems in hand-made cards. An empty result means the card is fine.
/// </summary>
public static class CardInspector
{
    private static readonly CardInspectionOptions Defaults = new();

    /// <summary>Inspects a card built with the model.</summary>
    public static IReadOnlyList<CardProblem> Inspect(AdaptiveCard card, CardInspectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var utf8 = AdaptiveCardSerializer.SerializeToUtf8Bytes(card);
        using var document = JsonDocument.Parse(utf8);
        return new CardWalk(options ?? Defaults).Run(document.RootElement, utf8.Length);
    }

    /// <summary>Inspects card JSON text; malformed JSON is reported as a problem, not thrown.</summary>
    public static IReadOnlyList<CardProblem> Inspect(string json, CardInspectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [new CardProblem("$", "not valid JSON: " + ex.Message)];
        }

        using (document)
        {
            return new CardWalk(options ?? Defaults).Run(document.RootElement, Encoding.UTF8.GetByteCount(json));
        }
    }

    /// <summary>Inspects card JSON already parsed, e.g. an attachment's content.</summary>
    public static IReadOnlyList<CardProblem> Inspect(JsonElement card, CardInspectionOptions? options = null) =>
        new CardWalk(options ?? Defaults).Run(card, Encoding.UTF8.GetByteCount(card.GetRawText()));
}
