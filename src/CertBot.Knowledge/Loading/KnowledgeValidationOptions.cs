namespace CertBot.Knowledge.Loading;

/// <summary>Limits the validator applies; the clock decides what counts as stale.</summary>
public sealed record KnowledgeValidationOptions
{
    /// <summary>Entries whose lastVerified is older than this many days get a warning.</summary>
    public int StaleAfterDays { get; init; } = 365;

    /// <summary>Longest FAQ answer (characters) that fits the card budget.</summary>
    public int MaxAnswerChars { get; init; } = 6000;

    /// <summary>The clock used for staleness.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Defaults: 365 days, 6,000 characters, system clock.</summary>
    public static KnowledgeValidationOptions Default { get; } = new();
}
