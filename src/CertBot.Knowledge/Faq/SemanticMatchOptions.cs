namespace CertBot.Knowledge.Faq;

/// <summary>Configuration section "Knowledge:Semantic": the embedding fallback used when the lexical matcher is not confident.</summary>
public sealed class SemanticMatchOptions
{
    /// <summary>Turns the embedding fallback on; off means lexical matching only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cosine similarity above which the embedding's top entry is answered when it is also the lexical nearest entry.</summary>
    public double AgreementThreshold { get; set; } = 0.5;

    /// <summary>Cosine similarity above which the embedding's top entry is answered on its own.</summary>
    public double AloneThreshold { get; set; } = 0.7;

    /// <summary>Lead the top entry needs over the second to be answered on its own.</summary>
    public double AloneMargin { get; set; } = 0.05;

    /// <summary>
    /// Similarity (after the vendor adjustments) above which a lexical answer whose vendor does not fit the question is
    /// replaced by the embedding's better-fitting entry: lower than the agreement threshold, because the lexical matcher
    /// has already found the topic and the switch only changes the vendor.
    /// </summary>
    public double SwitchThreshold { get; set; } = 0.3;

    /// <summary>Cosine similarity above which the embedding's neighbours are offered as did-you-mean suggestions.</summary>
    public double SuggestThreshold { get; set; } = 0.4;

    /// <summary>Similarity added to an entry about the one vendor the question names.</summary>
    public double NamedVendorBonus { get; set; } = 0.05;

    /// <summary>Similarity added to an entry related to the credential the question names by code or name.</summary>
    public double NamedCredentialBonus { get; set; } = 0.05;

    /// <summary>Similarity taken from an entry about another vendor than the one the question names.</summary>
    public double OtherVendorPenalty { get; set; } = 0.15;

    /// <summary>Similarity taken from a vendor-specific entry when the question names no vendor.</summary>
    public double UnnamedVendorPenalty { get; set; } = 0.08;
}
