namespace CertBot.Tools.Evaluation;

/// <summary>Outcome counts for the utterances labelled with one FAQ id ("none" for out-of-scope).</summary>
public sealed record FaqAccuracy(string FaqId, int Total, int Correct, int Abstained, int Wrong)
{
    /// <summary>Share answered correctly (for "none": share abstained).</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}
