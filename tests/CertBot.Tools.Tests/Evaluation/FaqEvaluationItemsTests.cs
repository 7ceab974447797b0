using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Loading;
using CertBot.Tools.Evaluation;

namespace CertBot.Tools.Tests.Evaluation;

/// <summary>faq-eval --items: one tab-separated line per decision, with the outcome a curator sorts by.</summary>
public sealed class FaqEvaluationItemsTests
{
    [Fact]
    public void FormatItems_RightWrongAndDeclinedItems_OneLabelledLineEach()
    {
        var loaded = KnowledgeLoader.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "knowledge.yaml"), KnowledgeValidationOptions.Default);
        var matcher = new FaqMatcher(loaded.Knowledge ?? throw new InvalidOperationException(loaded.Report.Format()));
        var set = new FaqEvaluationSet([
            new FaqEvaluationItem("how much does the exam cost", "exam-cost", ["short"]),
            new FaqEvaluationItem("how much does the exam cost", "coursera-on-resume"),
            new FaqEvaluationItem("what's the weather like\tin seattle tomorrow", null, ["out-of-scope", "short"]),
        ]);

        var lines = FaqEvaluation.Run(set, matcher).FormatItems().TrimEnd().Split(Environment.NewLine);

        Assert.Equal("outcome\texpected\tgot\tconfidence\tpath\ttags\tutterance", lines[0]);
        Assert.Equal(4, lines.Length);
        var right = lines[1].Split('\t');
        Assert.Equal(["right", "exam-cost", "exam-cost"], right[..3]);
        Assert.Equal("short", right[5]);
        var wrong = lines[2].Split('\t');
        Assert.Equal(["wrong", "coursera-on-resume", "exam-cost"], wrong[..3]);
        var declined = lines[3].Split('\t');
        Assert.Equal("declined", declined[0]);
        Assert.Equal("none", declined[1]);
        Assert.Equal("what's the weather like in seattle tomorrow", declined[6]);
    }
}
