namespace CertBot.Conversation;

/// <summary>Whether a message is shaped like a question: a question mark, or a question word first (from profile.dialog.yaml).</summary>
public static class QuestionShape
{
    public static bool IsQuestion(string text, IReadOnlyList<string> questionWords)
    {
        ArgumentNullException.ThrowIfNull(questionWords);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var first = PlainText.Normalize(text).Split(' ', 2)[0];
        return questionWords.Any(w => string.Equals(PlainText.Normalize(w), first, StringComparison.Ordinal));
    }
}
