using CertBot.Knowledge.Faq;
using Xunit.Abstractions;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class FaqEvaluationTargetTests(ITestOutputHelper output)
{
    private static readonly Lazy<FaqEvaluationReport> Report = new(() =>
        FaqEvaluation.Run(
            FaqEvaluationSet.Load(Path.Combine(AppContext.BaseDirectory, "Faq", "faq-eval.yaml")),
            new FaqMatcher(KnowledgeFile.Real)));

    [Fact]
    public void Run_EvaluationSet_IsLargeEnoughAndLabelsKnownIds()
    {
        var report = Report.Value;
        output.WriteLine(report.Format());

        Assert.True(report.Results.Count >= 200, $"only {report.Results.Count} utterances");
        Assert.True(report.OutOfScopeCount >= 50, $"only {report.OutOfScopeCount} out-of-scope utterances");
        Assert.All(report.Results.Where(r => r.Item.ExpectedFaqId is not null),
            r => Assert.NotNull(KnowledgeFile.Real.FindFaq(r.Item.ExpectedFaqId!)));
    }

    // The lexical matcher alone, as a regression guard; what users get (with the semantic fallback, vendor versions
    // and near misses) is measured through the host in CertBot.Tests' FAQ evaluation tests.
    [Fact]
    public void Run_EvaluationSet_LexicalAloneAnswersAtLeast86PercentOfAnswerableCorrectly() =>
        Assert.True(Report.Value.Top1Accuracy >= 0.86, Report.Value.Format());

    [Fact]
    public void Run_EvaluationSet_AbstainsOnAtLeast90PercentOfOutOfScope() =>
        Assert.True(Report.Value.OutOfScopeAbstentionRate >= 0.90, Report.Value.Format());

    [Fact]
    public void Run_EvaluationSet_AnswersWronglyAtMost3Percent() =>
        Assert.True(Report.Value.WrongAnswerRate <= 0.03, Report.Value.Format());
}
