namespace CertBot.Knowledge.Model;

/// <summary>A vendor exam or course certificate, with its status and the date its facts were checked.</summary>
public sealed record Credential(
    string Id,
    string Name,
    string Vendor,
    string? ExamCode,
    CredentialKind Kind,
    CredentialLevel Level,
    CredentialTrack Track,
    CloudPlatform Platform,
    CredentialStatus Status,
    DateOnly? RetiredOn,
    string? SuccessorId,
    ExperienceRequirement Experience,
    IReadOnlyList<string> Covers,
    string Format,
    string Cost,
    string PreparationTime,
    Uri OfficialLink,
    IReadOnlyList<SourceLink> Sources,
    DateOnly LastVerified,
    string? Caveat)
{
    /// <summary>
    /// Ids of <see cref="DetailTopic"/>s this entry does not hold (e.g. passing-score), so the bot can say so and
    /// link <see cref="OfficialLink"/> instead of guessing.
    /// </summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>Longest <see cref="ShortName"/>, <see cref="CostShort"/> or <see cref="PreparationShort"/>.</summary>
    public const int MaxShortLength = 16;

    /// <summary>A short label for narrow layouts (a table cell on a phone), e.g. "AWS MLA-C01"; null uses the full name.</summary>
    public string? ShortName { get; init; }

    /// <summary>
    /// The exam fee as a currency code and an amount ("USD 200"): a fact, the same in every language; null when the
    /// fee is not confirmed. <see cref="Cost"/> is how the text words it ("Was USD 300"), or the fee itself.
    /// </summary>
    public string? Fee { get; init; }

    /// <summary><see cref="Cost"/> in a few words for a table cell, e.g. "USD 150"; null when not curated.</summary>
    public string? CostShort { get; init; }

    /// <summary><see cref="PreparationTime"/> in a few words for a table cell, e.g. "2-3 months"; null when not curated.</summary>
    public string? PreparationShort { get; init; }

    /// <summary>True when <paramref name="text"/> is a fee as the knowledge writes one: three capital letters, a space, an amount.</summary>
    public static bool IsFee(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space == 3 && text[..3].All(char.IsAsciiLetterUpper)
            && decimal.TryParse(text[4..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            && amount >= 0;
    }

    /// <summary>
    /// True when the credential can be recommended or compared: on the ML-engineering track and known to be
    /// bookable. Related credentials are only described; retired or unconfirmed ones are never advised.
    /// </summary>
    public bool IsRecommendable =>
        Track == CredentialTrack.MlEngineering && Status is CredentialStatus.Active or CredentialStatus.Retiring;
}
