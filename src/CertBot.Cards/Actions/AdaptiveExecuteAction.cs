using System.Text.Json;

namespace CertBot.Cards;

/// <summary><c>Action.Execute</c> (Universal Actions, 1.4): Teams sends an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveExecuteAction : AdaptiveAction
{
    /// <summary>Author-defined verb the bot dispatches on.</summary>
    public string? Verb { get; init; }

    /// <summary>Hidden data, written exactly as given (an object, or a string); build it with <see cref="CardData"/>.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Which inputs are submitted.</summary>
    public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
