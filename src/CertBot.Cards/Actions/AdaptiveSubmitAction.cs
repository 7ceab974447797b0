using System.Text.Json;

namespace CertBot.Cards;

/// <summary><c>Action.Submit</c>: Teams sends a message activity whose <c>value</c> is <see cref="Data"/> merged with the inputs.</summary>
public sealed record AdaptiveSubmitAction : AdaptiveAction
{
    /// <summary>Hidden data, written exactly as given (an object, or a string); build it with <see cref="CardData"/>.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Which inputs are submitted (1.3).</summary>
    public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
