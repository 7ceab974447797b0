using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// The question with the credential it names replaced by a plain "exam": "what's the passing score for the AWS ML
/// Engineer Associate?" reads "what's the passing score for the exam?". A credential's name shares many words with its
/// own overview entry, so whatever is asked about it ("is the AWS Machine Learning Specialty still available?", "how
/// much is MLA-C01?") is drawn to that entry; without the name, what is left says which topic is asked, and the
/// topic's version for the named vendor answers. Built once per knowledge generation.
/// </summary>
public sealed class CredentialNameMask
{
    private const string Replacement = "exam";

    private readonly IReadOnlySet<string> _nameWords;
    private readonly HashSet<string> _anchors;
    private readonly HashSet<string> _vendorWords;
    private readonly string[] _typoAnchors;
    private readonly HashSet<string> _examWords;

    public CredentialNameMask(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _nameWords = mentions.NameWords;
        // What makes a run of name words a credential's name rather than everyday words ("machine learning"): a vendor
        // word, an exam code or a part of one with a digit in it ("c01", "103"), or initials ("pmle").
        var vendorWords = knowledge.Credentials.Select(c => c.Vendor)
            .Concat(knowledge.Lexicon.Synonyms
                .Where(s => knowledge.Credentials.Any(c => s.Variants.Append(s.Canonical).Any(v => string.Equals(WordTokenizer.Normalize(c.Vendor), WordTokenizer.Normalize(v), StringComparison.Ordinal))))
                .SelectMany(s => s.Variants.Append(s.Canonical)))
            .SelectMany(WordTokenizer.Words)
            .ToHashSet(StringComparer.Ordinal);
        var codeParts = knowledge.Credentials.Where(c => c.ExamCode is not null)
            .SelectMany(c => WordTokenizer.Words(c.ExamCode).Append(string.Concat(WordTokenizer.Words(c.ExamCode))))
            .Where(p => p.Any(char.IsDigit) || p.Length >= 3);
        _anchors = [.. vendorWords.Concat(codeParts)];
        // Initials such as "pmle" sit among the vendor's synonyms but name one credential on their own.
        _vendorWords = [.. vendorWords.Where(w => mentions.FindNamed(w).Count == 0)];
        _typoAnchors = [.. vendorWords.Where(w => w.Length >= 5)];
        _examWords = new HashSet<string>(["exam", "exams", "test", "cert", "certs", "certification", "certificate", "credential"], StringComparer.Ordinal);
    }

    /// <summary>The text with each credential name it holds replaced by "exam", or null when it names none.</summary>
    public string? Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordTokenizer.Scan(text);
        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        var masked = false;
        var i = 0;
        while (i < words.Count)
        {
            if (!IsNameWord(words[i].Text))
            {
                i++;
                continue;
            }

            // A run of name words joined only by spaces, hyphens or slashes ("AWS Certified ML Engineer - Associate").
            var end = i;
            var anchored = IsAnchor(words[i].Text);
            while (end + 1 < words.Count)
            {
                var next = words[end + 1];
                if (!IsNameWord(next.Text) || !Joins(text, words[end].End, next.Start))
                {
                    break;
                }

                end++;
                anchored |= IsAnchor(next.Text);
            }

            // "the Google exam" is "the exam", not "the exam exam".
            var followedByExamWord = end + 1 < words.Count && _examWords.Contains(words[end + 1].Text);
            // A lone vendor or product word ("sagemaker pricing per hour") names a credential only next to "exam" or "cert".
            if (anchored && (end > i || followedByExamWord || !_vendorWords.Contains(words[i].Text)))
            {
                result.Append(text, copied, words[i].Start - copied);
                if (!followedByExamWord)
                {
                    result.Append(Replacement);
                }

                copied = followedByExamWord ? words[end + 1].Start : SkipPossessive(text, words[end].End);
                masked = true;
            }

            i = end + 1;
        }

        if (!masked)
        {
            return null;
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private bool IsNameWord(string word) => _nameWords.Contains(word) || IsAnchor(word) || word == "ml";

    private bool IsAnchor(string word) =>
        _anchors.Contains(word) || Array.Exists(_typoAnchors, a => TypoPolicy.Matches(a, word));

    /// <summary>Only spaces, dashes, slashes or a possessive stand between two words of one name ("Google's professional ML engineer").</summary>
    private static bool Joins(string text, int from, int to)
    {
        for (var k = SkipPossessive(text, from); k < to; k++)
        {
            if (!(char.IsWhiteSpace(text[k]) || text[k] is '-' or '–' or '—' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the text goes on after a name, past a possessive "'s" the tokenizer left outside the word.</summary>
    private static int SkipPossessive(string text, int end) =>
        end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] is 's' or 'S' && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2]))
            ? end + 2
            : end;
}
