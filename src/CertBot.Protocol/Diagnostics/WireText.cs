using System.Globalization;
using System.Text;

namespace CertBot.Protocol.Diagnostics;

/// <summary>
/// Makes a value that came from the wire (an activity id, a Connector error body, a card action name) safe to log:
/// cut to a bounded length and with control, line-separator and bidirectional-override characters replaced, so an
/// attacker can neither flood the log nor forge lines in it. Every log call site passes wire values through this.
/// </summary>
public static class WireText
{
    /// <summary>Length kept for ids and names.</summary>
    public const int IdLength = 128;

    /// <summary>Length kept for longer texts such as error bodies.</summary>
    public const int TextLength = 512;

    private const char Replacement = '\uFFFD';

    public static string ForLog(string? value, int maxLength = IdLength)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length > maxLength;
        var span = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        if (!cut && !NeedsCleaning(span))
        {
            return value;
        }

        var text = new StringBuilder(span.Length + 24);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                text.Append(c).Append(span[++i]);
                continue;
            }

            text.Append(IsUnsafe(c) ? Replacement : c);
        }

        if (cut)
        {
            text.Append(CultureInfo.InvariantCulture, $"…(+{value.Length - maxLength} chars)");
        }

        return text.ToString();
    }

    private static bool NeedsCleaning(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // Control characters (CR, LF, ESC…), Unicode line/paragraph separators, bidi embeddings/overrides/isolates, and
    // lone surrogates (a cut may split a pair).
    private static bool IsUnsafe(char c) => char.IsControl(c)
        || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || char.IsSurrogate(c);
}
