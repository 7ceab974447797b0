namespace CertBot.Cards.Testing;

/// <summary>Limits <see cref="CardInspector"/> checks a card against.</summary>
public sealed record CardInspectionOptions
{
    /// <summary>Largest serialized card, in UTF-8 bytes. Teams allows ~100 KB per message; we keep cards far smaller.</summary>
    public int MaxBytes { get; init; } = 28 * 1024;

    /// <summary>Highest card version Teams renders.</summary>
    public Version MaxVersion { get; init; } = new(1, 5);

    /// <summary>Whether the root card must carry <c>fallbackText</c> (shown by clients that cannot render it).</summary>
    public bool RequireFallbackText { get; init; } = true;

    /// <summary>URL schemes Action.OpenUrl may use (Image and icon URLs are always https only).</summary>
    public IReadOnlySet<string> OpenUrlSchemes { get; init; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Uri.UriSchemeHttps, Uri.UriSchemeMailto };
}
