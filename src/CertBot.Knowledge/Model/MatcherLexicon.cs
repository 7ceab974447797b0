namespace CertBot.Knowledge.Model;

/// <summary>Curated word lists the FAQ matcher uses: synonyms and stop words.</summary>
public sealed record MatcherLexicon(IReadOnlyList<SynonymGroup> Synonyms, IReadOnlyList<string> StopWords)
{
    /// <summary>
    /// Words that point back to something said earlier ("what is it exactly?"); a question made of them is matched
    /// together with the sentence before it, which names what "it" is.
    /// </summary>
    public IReadOnlyList<string> ReferringWords { get; init; } = [];

    /// <summary>
    /// Words that ask what a credential is and nothing more specific ("tell me about", "what is", "overview"); a
    /// question made only of them and one credential's name gets that credential's overview entry.
    /// </summary>
    public IReadOnlyList<string> OverviewWords { get; init; } = [];

    /// <summary>
    /// Stop words that still ask something specific ("how much is MLA-C01?", "when does AI-102 retire?"): a question
    /// holding one is not an overview question, although the FAQ matcher ignores these words when it scores entries.
    /// </summary>
    public IReadOnlyList<string> AskingWords { get; init; } = [];

    /// <summary>
    /// Endings a typed word may add to a detail phrase's word ("promo codes", "employers"), so the detail lists name
    /// each word once; the language's own, as its plurals and verb forms are.
    /// </summary>
    public IReadOnlyList<string> WordEndings { get; init; } = [];

    /// <summary>An empty lexicon.</summary>
    public static MatcherLexicon Empty { get; } = new([], []);
}
