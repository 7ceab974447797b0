namespace CertBot.Knowledge.Faq;

/// <summary>Configuration section "Knowledge:Semantic": the embedding fallback used when the lexical matcher is not confident.</summary>
public sealed class SemanticMatchOptions
{
    /// <summary>Turns the embedding fallback on; off means lexical matching only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Fewest words a message needs before the embedding is asked about it.</summary>
    public int MinWords { get; set; } = 2;

    /// <summary>Cosine similarity above which the embedding's top entry is answered when it is also the lexical nearest entry.</summary>
    public double AgreementThreshold { get; set; } = 0.5;

    /// <summary>Lead the top entry needs over the second to be answered in agreement with the lexical matcher.</summary>
    public double AgreementMargin { get; set; } = 0.01;

    /// <summary>Cosine similarity above which the embedding's top entry is answered on its own.</summary>
    public double AloneThreshold { get; set; } = 0.7;

    /// <summary>Lead the top entry needs over the second to be answered on its own.</summary>
    public double AloneMargin { get; set; } = 0.05;

    /// <summary>Cosine similarity above which the embedding's neighbours are offered as did-you-mean suggestions.</summary>
    public double SuggestThreshold { get; set; } = 0.4;

    /// <summary>
    /// Confidence the topic found with the credential's name masked ("is the exam still relevant for ML engineers?")
    /// needs before it replaces the answer the name drew (the credential's own entry): below it, the words left after
    /// masking say too little to overrule the name. An unsure first match (did-you-mean) needs no threshold: the topic
    /// must be one of its suggestions anyway.
    /// </summary>
    public double NamedTopicThreshold { get; set; } = 0.75;

    /// <summary>
    /// Lexical confidence below which a lexical answer is checked against the embedding (0 turns the check off): an
    /// answer below it becomes a did-you-mean between it and the embedding's top entry when that entry leads by
    /// <see cref="CrossCheckMargin"/>. Costs one embedding for such answers (none when the text is cached).
    /// </summary>
    public double CrossCheckBelow { get; set; } = 0.75;

    /// <summary>Cosine similarity by which the embedding's top entry must lead the lexical answer's entry to overrule it.</summary>
    public double CrossCheckMargin { get; set; } = 0.1;
}
