namespace CertBot.Tools.Evaluation;

/// <summary>Evaluation figures over the items carrying one tag.</summary>
public sealed record FaqTagFigures(
    string Tag,
    int Count,
    int AnswerableCount,
    int OutOfScopeCount,
    double Top1Accuracy,
    double AbstentionRate,
    double WrongAnswerRate);
