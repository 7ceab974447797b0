using System.Text;
using System.Text.RegularExpressions;

namespace CertBot.Cards;

/// <summary>Makes untrusted text safe for TextBlock/FactSet markdown, and shortens text for cards.</summary>
public static partial class CardText
{
    private const string MarkdownSpecials = "\\*_[]()`#>~|";

    /// <summary>
    /// Escapes <paramref name="untrusted"/> so Teams shows it literally: markdown characters and a leading list
    /// marker are backslash-escaped, line breaks collapse to one space and <c>&lt;at&gt;</c> tags are defused
    /// so no link, formatting or mention can be injected.
    /// </summary>
    public static string Escape(string untrusted)
    {
        ArgumentNullException.ThrowIfNull(untrusted);
        var text = LineBreaks().Replace(untrusted, " ");
        text = MentionTag().Replace(text, static m => m.Value.Replace('<', '‹').Replace('>', '›'));

        var builder = new StringBuilder(text.Length + 8);
        var start = EscapeLeadingListMarker(text, builder);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxLength"/> characters, ending in "…" when cut
    /// (never splitting a surrogate pair). Truncate before <see cref="Escape"/>, so no escape is cut in half.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    // Copies leading blanks and backslash-escapes a list marker ("-", "+", "12.") that follows them;
    // returns the index where ordinary escaping continues.
    private static int EscapeLeadingListMarker(string text, StringBuilder builder)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            builder.Append(text[i++]);
        }

        if (i < text.Length && text[i] is '-' or '+')
        {
            builder.Append('\\').Append(text[i]);
            return i + 1;
        }

        var digits = i;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > i && digits < text.Length && text[digits] is '.' or ')')
        {
            builder.Append(text, i, digits - i).Append('\\').Append(text[digits]);
            return digits + 1;
        }

        return i;
    }

    [GeneratedRegex(@"[\r\n\u0085\u2028\u2029]+")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<\s*/?\s*at\b[^>]*>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionTag();
}
