using System.Text.Json;
using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>Builds CertBot's card buttons so every one carries a <see cref="CardActionData"/> payload.</summary>
public static class CardButtons
{
    public static AdaptiveSubmitAction Submit(string title, CardActionData data) => new()
    {
        Title = title,
        Data = Payload(data),
    };

    /// <summary>The JSON the button sends back; only the properties that are set are written.</summary>
    public static JsonElement Payload(CardActionData data) => JsonSerializer.SerializeToElement(data, HostJsonContext.Default.CardActionData);
}
