namespace CertBot.Text;

/// <summary>
/// Which catalogue answers a locale: the specific culture, then its neutral parents, then English
/// ("fr-CA" reads fr-ca, fr, en). A locale from the wire that is not a well-formed tag reads English only.
/// </summary>
public static class CatalogueLocale
{
    /// <summary>The locale every catalogue must have in full; every other locale falls back to it key by key.</summary>
    public const string Default = "en";

    // BCP 47 tags are far shorter; anything longer is not a locale, whoever sent it.
    private const int MaxTagLength = 35;

    /// <summary>The lower-case tag of <paramref name="locale"/> ("en_US" and "EN-us" are "en-us"); null when it is not a tag.</summary>
    public static string? Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > MaxTagLength)
        {
            return null;
        }

        var tag = locale.Trim().Replace('_', '-').ToLowerInvariant();
        foreach (var part in tag.Split('-'))
        {
            if (part.Length is 0 or > 8 || !part.All(char.IsAsciiLetterOrDigit))
            {
                return null;
            }
        }

        return tag;
    }

    /// <summary>The lookup order for <paramref name="locale"/>, most specific first, always ending with <see cref="Default"/>.</summary>
    public static IReadOnlyList<string> Chain(string? locale)
    {
        var chain = new List<string>();
        var tag = Normalize(locale);
        while (tag is not null)
        {
            chain.Add(tag);
            var cut = tag.LastIndexOf('-');
            tag = cut > 0 ? tag[..cut] : null;
        }

        if (!chain.Contains(Default))
        {
            chain.Add(Default);
        }

        return chain;
    }

    /// <summary>The first locale of the chain of <paramref name="locale"/> that <paramref name="available"/> has.</summary>
    public static string Resolve(string? locale, IReadOnlySet<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        return Chain(locale).FirstOrDefault(available.Contains) ?? Default;
    }

    /// <summary>
    /// The layers of a catalogue for <paramref name="locale"/>, English first and the most specific last, keeping only
    /// the locales <paramref name="available"/> has: each layer overrides the keys it sets, the rest fall through.
    /// </summary>
    public static IReadOnlyList<string> Layers(string locale, IReadOnlySet<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        return [.. Chain(locale).Where(available.Contains).Reverse()];
    }
}
