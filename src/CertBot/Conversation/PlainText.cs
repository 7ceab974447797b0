using System.Text;

namespace CertBot.Conversation;

/// <summary>Text reduced to what matters for comparing phrases and grouping questions.</summary>
public static class PlainText
{
    private const int MaxTextLength = 200;

    /// <summary>Lower case, letters, digits and single spaces, at most 200 characters: groups trivial variants together.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxTextLength));
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || ch is '+' or '#' or '.' or '-')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingSpace = true;
            }

            if (builder.Length >= MaxTextLength)
            {
                break;
            }
        }

        return builder.ToString().Trim('.', '-');
    }
}
