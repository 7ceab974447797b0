namespace CertBot.Knowledge.Faq;

/// <summary>What the matcher decided about an utterance.</summary>
public enum FaqMatchKind
{
    /// <summary>Confident: answer with <see cref="FaqMatch.Entry"/>.</summary>
    Answer,

    /// <summary>Related but unsure: offer <see cref="FaqMatch.Suggestions"/>.</summary>
    DidYouMean,

    /// <summary>Not something the FAQ covers.</summary>
    OutOfScope,

    /// <summary>The question asks for a detail the knowledge does not hold; say so and link the official page.</summary>
    NotHeld,
}
