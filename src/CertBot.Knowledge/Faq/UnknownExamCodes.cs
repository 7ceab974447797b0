using System.Text.RegularExpressions;
using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Finds an exam code the knowledge does not know ("how long is AZ-400?", "is SAP-C02 harder?"): a question about
/// another exam than ours is answered from the topic its other words resemble otherwise (the exam-format entry for
/// AZ-400), which is a wrong answer however close the words. A code is two or three letters and three digits, or a
/// letter and two digits after them, with an optional hyphen ("DP-203", "az400", "ANS-C01"). As everywhere (the shared
/// typo policy), a code is never corrected: "DP-900" is another exam than "DP-100". A letter part that is an ordinary
/// word of the knowledge's own text ("top-100") is a word, not an exam prefix. Built once per knowledge generation.
/// </summary>
public sealed partial class UnknownExamCodes
{
    private readonly CredentialMentions _mentions;
    // Only a code-shaped word needs the knowledge's vocabulary, and most questions hold none: it is built on the first.
    private readonly Lazy<HashSet<string>> _words;

    public UnknownExamCodes(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _mentions = mentions;
        Topic = knowledge.Details.FirstOrDefault(d => d.AskedByUnknownExamCodes);
        _words = new Lazy<HashSet<string>>(() => Vocabulary(knowledge));
    }

    /// <summary>The topic a question naming an unknown exam code asks about (<see cref="DetailTopic.AskedByUnknownExamCodes"/>), or null when the knowledge flags none.</summary>
    public DetailTopic? Topic { get; }

    /// <summary>The first exam code in <paramref name="text"/> that the knowledge does not know, or null.</summary>
    public string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var match in CodeShape().EnumerateMatches(text))
        {
            var found = text.Substring(match.Index, match.Length);
            var letters = new string([.. found.TakeWhile(char.IsLetter)]).ToLowerInvariant();
            if (!_mentions.IsExamCode(found) && !_words.Value.Contains(letters))
            {
                return found;
            }
        }

        return null;
    }

    private static HashSet<string> Vocabulary(KnowledgeBase knowledge)
    {
        var prefixes = knowledge.Credentials.Select(c => c.ExamCode).OfType<string>()
            .Select(code => new string([.. code.TakeWhile(char.IsLetter)]).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return knowledge.Faqs
            .SelectMany(f => f.Alternatives.Prepend(f.Question).Append(f.Answer))
            .SelectMany(WordTokenizer.Words)
            .Where(w => w.All(char.IsLetter) && !prefixes.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}-])\p{L}{2,3}-?(?:\p{L}\p{N}{2}|\p{N}{3})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
