namespace CertBot.Knowledge.Faq;

/// <summary>Thresholds and weights of the FAQ matcher; the defaults are tuned on the evaluation set.</summary>
public sealed class FaqMatcherOptions
{
    /// <summary>Minimum confidence to answer directly.</summary>
    public double AnswerThreshold { get; set; } = 0.4;

    /// <summary>Minimum share of the query's weight the best entry must explain to answer.</summary>
    public double MinAnswerCoverage { get; set; } = 0.55;

    /// <summary>Minimum summed rarity (log inverse entry frequency) of the matched words to answer.</summary>
    public double MinAnswerEvidence { get; set; } = 1.5;

    /// <summary>Minimum number of query words found in the entry's phrasings to answer; fewer gives did-you-mean.</summary>
    public int MinMatchedWords { get; set; } = 2;

    /// <summary>Minimum confidence to offer did-you-mean suggestions instead of out-of-scope.</summary>
    public double SuggestThreshold { get; set; } = 0.25;

    /// <summary>Most suggestions offered (at most 3).</summary>
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Weight of the answer text relative to the question phrasings.</summary>
    public double AnswerFieldWeight { get; set; } = 0.3;

    /// <summary>Weight of all phrasings of an entry taken together, added to its best single phrasing.</summary>
    public double AllPhrasingsWeight { get; set; } = 1.0;

    /// <summary>How much the score margin between the best and second-best entry counts in confidence (0-1).</summary>
    public double MarginWeight { get; set; } = 0.3;

    /// <summary>Cap on the weight of a word from a credential's name, vendor or exam code, relative to the rarest word.</summary>
    public double EntityWordWeight { get; set; } = 0.5;

    /// <summary>Weight of an unknown query word relative to the rarest known word.</summary>
    public double UnknownWordWeight { get; set; } = 0.8;
}
