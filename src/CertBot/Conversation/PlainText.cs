using CertBot.Text;

namespace CertBot.Conversation;

/// <summary>Text reduced to what matters for comparing phrases and grouping questions.</summary>
public static class PlainText
{
    private const int MaxTextLength = 200;

    /// <summary>The shared tokenizer's words joined by single spaces, at most 200 characters: groups trivial variants together.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Only the start of a long message matters for grouping, and tokenizing 200 KB to keep 200 characters is waste.
        var words = WordTokenizer.Normalize(text.Length > MaxTextLength * 4 ? text[..(MaxTextLength * 4)] : text);
        return words.Length <= MaxTextLength ? words : words[..MaxTextLength].TrimEnd();
    }
}
