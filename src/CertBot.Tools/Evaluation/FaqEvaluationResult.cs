using CertBot.Knowledge.Faq;

namespace CertBot.Tools.Evaluation;

/// <summary>What the matcher did with one labelled utterance.</summary>
public sealed record FaqEvaluationResult(FaqEvaluationItem Item, FaqMatch Match)
{
    /// <summary>The id answered, or null when the matcher abstained.</summary>
    public string? AnsweredFaqId => Match.Kind == FaqMatchKind.Answer ? Match.Entry?.Id : null;

    /// <summary>Answered with the expected entry.</summary>
    public bool IsCorrectAnswer => Item.ExpectedFaqId is not null && AnsweredFaqId == Item.ExpectedFaqId;

    /// <summary>Answered, but not with the expected entry (or answered when it should have abstained).</summary>
    public bool IsWrongAnswer => AnsweredFaqId is not null && AnsweredFaqId != Item.ExpectedFaqId;

    /// <summary>Did not answer (did-you-mean or out of scope).</summary>
    public bool Abstained => Match.Kind != FaqMatchKind.Answer;
}
