namespace CertBot.Knowledge.Model;

/// <summary>Curated word lists the FAQ matcher uses: synonyms and stop words.</summary>
public sealed record MatcherLexicon(IReadOnlyList<SynonymGroup> Synonyms, IReadOnlyList<string> StopWords)
{
    /// <summary>
    /// Words that point back to something said earlier ("what is it exactly?"); a question made of them is matched
    /// together with the sentence before it, which names what "it" is.
    /// </summary>
    public IReadOnlyList<string> ReferringWords { get; init; } = [];

    /// <summary>An empty lexicon.</summary>
    public static MatcherLexicon Empty { get; } = new([], []);
}
