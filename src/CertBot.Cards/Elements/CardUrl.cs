namespace CertBot.Cards;

/// <summary>Scheme checks for URLs placed in cards, so untrusted links cannot become javascript: or http: targets.</summary>
internal static class CardUrl
{
    public static Uri RequireHttps(Uri? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!value.IsAbsoluteUri || value.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Only absolute https URLs are allowed, got '{value.OriginalString}'.", paramName);
        }

        return value;
    }

    public static Uri RequireHttpsOrMailto(Uri? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeMailto))
        {
            throw new ArgumentException($"Only absolute https or mailto URLs are allowed, got '{value.OriginalString}'.", paramName);
        }

        return value;
    }
}
