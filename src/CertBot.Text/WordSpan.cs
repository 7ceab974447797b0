namespace CertBot.Text;

/// <summary>One word of a text and where it was written: <paramref name="Start"/> inclusive, <paramref name="End"/> exclusive.</summary>
public readonly record struct WordSpan(string Text, int Start, int End);
