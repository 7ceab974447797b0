namespace CertBot.Knowledge.Model;

/// <summary>Curated word lists the FAQ matcher uses: synonyms and stop words.</summary>
public sealed record MatcherLexicon(IReadOnlyList<SynonymGroup> Synonyms, IReadOnlyList<string> StopWords)
{
    /// <summary>An empty lexicon.</summary>
    public static MatcherLexicon Empty { get; } = new([], []);
}
