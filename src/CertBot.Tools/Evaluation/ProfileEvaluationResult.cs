namespace CertBot.Tools.Evaluation;

/// <summary>What the bot read from one labelled message.</summary>
public sealed record ProfileEvaluationResult(ProfileEvaluationItem Item, IReadOnlyDictionary<string, string> Read)
{
    /// <summary>The three facts a recommendation needs.</summary>
    public static readonly string[] RequiredSlots = ["role", "mlYears", "cloud"];

    /// <summary>The message states all three facts.</summary>
    public bool IsFull => RequiredSlots.All(Item.Expected.ContainsKey);

    /// <summary>Every stated fact read right, and no unstated one of the three invented.</summary>
    public bool IsCorrect => RequiredSlots.All(slot => Item.Expected.TryGetValue(slot, out var expected)
        ? expected.IsMetBy(Read.GetValueOrDefault(slot))
        : !Read.ContainsKey(slot));

    /// <summary>The slot was stated and read right.</summary>
    public bool IsRight(string slot) => Item.Expected.TryGetValue(slot, out var expected) && expected.IsMetBy(Read.GetValueOrDefault(slot));
}
