namespace CertBot.Protocol.Schema;

/// <summary>Quick-reply buttons shown under a text message.</summary>
public sealed class SuggestedActions
{
    public IList<string>? To { get; set; }
    public IList<CardAction> Actions { get; set; } = [];
}

/// <summary>A Bot Framework card action (imBack, messageBack, openUrl, invoke…), not an Adaptive Card action.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public System.Text.Json.JsonElement? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public string? Image { get; set; }
}
