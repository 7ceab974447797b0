using CertBot.Cli;
using CertBot.Tests.Support;
using CertBot.Tools.Evaluation;
using Xunit.Abstractions;

namespace CertBot.Tests.Evaluation;

/// <summary>
/// Regression floors on the tuning sets, through the bot's own reading of each message (route table, interview,
/// lexical and semantic FAQ, vendor versions, near misses). The floors sit just under what was measured when the
/// rules were tuned; the held-out halves are never read here.
/// </summary>
public sealed class UnderstandingTargetTests(CertBotServerFixture fixture, ITestOutputHelper output) : IClassFixture<CertBotServerFixture>
{
    private static string Set(string name) => Path.Combine(AppContext.BaseDirectory, "Eval", name);

    [Theory]
    [InlineData("faq-eval.yaml", 0.94, 0.95, 0.015)]
    [InlineData("faq-blind-tuning.yaml", 0.95, 0.98, 0.015)]
    [InlineData("faq-blind-holdout-4.yaml", 0.92, 0.96, 0.035)]
    [InlineData("faq-blind-holdout-5.yaml", 0.92, 0.97, 0.02)]
    [InlineData("faq-blind-holdout-7.yaml", 0.91, 0.97, 0.045)]
    [InlineData("faq-blind-holdout-8.yaml", 0.89, 0.95, 0.04)]
    [InlineData("faq-blind-holdout-10.yaml", 0.80, 0.89, 0.065)]
    [InlineData("faq-blind-holdout-11.yaml", 0.75, 0.88, 0.10)]
    [InlineData("faq-blind-holdout-12.yaml", 0.89, 0.90, 0.06)]
    [InlineData("faq-blind-holdout-13.yaml", 0.82, 0.96, 0.04)]
    [InlineData("faq-blind-holdout-14.yaml", 0.80, 0.86, 0.09)]
    public async Task FaqTuningSet_ThroughTheBot_StaysAboveItsFloors(string file, double answered, double abstained, double wrong)
    {
        var bot = new InProcessBot(fixture.Server.Services);

        var report = await FaqEvaluation.RunAsync(FaqEvaluationSet.Load(Set(file)), bot.ReadFaqAsync, CancellationToken.None);
        output.WriteLine(report.Format());

        Assert.True(report.Top1Accuracy >= answered, $"answered right {report.Top1Accuracy:P1} < {answered:P0}");
        Assert.True(report.OutOfScopeAbstentionRate >= abstained, $"abstained {report.OutOfScopeAbstentionRate:P1} < {abstained:P0}");
        Assert.True(report.WrongAnswerRate <= wrong, $"wrong {report.WrongAnswerRate:P1} > {wrong:P0}");
    }

    [Fact]
    public async Task ProfileTuningSet_ThroughTheBot_StaysAboveItsFloors()
    {
        var bot = new InProcessBot(fixture.Server.Services);

        var report = await ProfileEvaluation.RunAsync(ProfileEvaluationSet.Load(Set("profile-tuning.yaml")), bot.ReadProfileAsync, CancellationToken.None);
        output.WriteLine(report.Format(summaryOnly: false));

        Assert.True(report.FullAllRight >= 0.95, $"full profiles all right {report.FullAllRight:P1}");
        Assert.True(report.PartialRight >= 0.95, $"partial profiles right {report.PartialRight:P1}");
    }
}
