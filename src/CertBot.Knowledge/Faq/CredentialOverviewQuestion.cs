using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Recognises a question that names one credential (or several one entry introduces) and asks only what it is ("what is AI-103?", "tell me about PMLE",
/// "Microsoft data scientist associate credential, what's it about?") and finds the entry that introduces it
/// (<c>overviewOf</c>). Such questions share almost no words with the entry, so neither the lexical matcher nor the
/// embedding is sure of them, yet what they ask is plain: every word left once the credential's own words are
/// removed is a curated overview word. Built once per knowledge generation.
/// </summary>
public sealed class CredentialOverviewQuestion
{
    private readonly CredentialMentions _mentions;
    private readonly HashSet<string> _overviewWords;
    private readonly Dictionary<string, FaqEntry> _overviews = new(StringComparer.Ordinal);

    public CredentialOverviewQuestion(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _mentions = mentions;
        _overviewWords = new HashSet<string>(knowledge.Lexicon.OverviewWords.Concat(knowledge.Lexicon.StopWords), StringComparer.OrdinalIgnoreCase);
        _overviewWords.ExceptWith(knowledge.Lexicon.AskingWords);
        foreach (var entry in knowledge.Faqs)
        {
            foreach (var id in entry.OverviewOf)
            {
                _overviews.TryAdd(id, entry);
            }
        }
    }

    /// <summary>Every word of <paramref name="question"/> names a credential or is a curated overview word: it asks what something is, nothing more.</summary>
    public bool AsksOnlyWhatItIs(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = WordTokenizer.Words(question);
        return _overviewWords.Count > 0 && words.Length > 0 && words.All(w => _mentions.NameWords.Contains(w) || _overviewWords.Contains(w) || IsTypoOfKnown(w));
    }

    // "whats the gogle pmle certifcation about" asks no more than its spelled-out form; the shared typo policy keeps
    // codes and short words exact, so a typo never turns another question into an overview one.
    private bool IsTypoOfKnown(string word) =>
        TypoPolicy.MaxEdits(word) > 0 && (_mentions.NameWords.Any(n => TypoPolicy.Matches(n, word)) || _overviewWords.Any(o => TypoPolicy.Matches(o, word)));

    /// <summary>The entry introducing the one credential <paramref name="question"/> names, when that is all it asks; otherwise null.</summary>
    public FaqEntry? Find(string question) => Find(question, null);

    /// <summary>
    /// As <see cref="Find(string)"/>; when the question names no credential but asks only what "it" is ("What does it
    /// cover and who is it for?"), the one credential <paramref name="context"/> (the whole message) names.
    /// </summary>
    public FaqEntry? Find(string question, string? context)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_overviewWords.Count == 0)
        {
            return null;
        }

        if (!AsksOnlyWhatItIs(question))
        {
            return null;
        }

        var named = _mentions.FindNamed(question);
        if (named.Count == 0 && context is not null)
        {
            named = _mentions.FindNamed(context);
        }

        // Several names are one question only when one entry introduces them all ("AI-900 / AI-901").
        var entries = named.Select(c => _overviews.GetValueOrDefault(c.Id)).Distinct().ToArray();
        return entries is [{ } entry] ? entry : null;
    }
}
