using CertBot.Cli.Evaluation;
using CertBot.Conversation;
using CertBot.Dialogs;
using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData("faq-eval.yaml", 0.92, 0.93, 0.05)]
    [InlineData("faq-blind-tuning.yaml", 0.83, 0.95, 0.05)]
    public async Task FaqTuningSet_ThroughTheBot_StaysAboveItsFloors(string file, double answered, double abstained, double wrong)
    {
        var services = fixture.Server.Services;
        var router = services.GetRequiredService<MessageRouter>();
        var snapshot = services.GetRequiredService<IKnowledgeSource>().Snapshot;

        var report = await FaqEvaluation.RunAsync(
            FaqEvaluationSet.Load(Set(file)),
            (text, ct) => router.Read(DialogState.Idle, text, snapshot).FaqAsync(ct),
            CancellationToken.None);
        output.WriteLine(report.Format());

        Assert.True(report.Top1Accuracy >= answered, $"answered right {report.Top1Accuracy:P1} < {answered:P0}");
        Assert.True(report.OutOfScopeAbstentionRate >= abstained, $"abstained {report.OutOfScopeAbstentionRate:P1} < {abstained:P0}");
        Assert.True(report.WrongAnswerRate <= wrong, $"wrong {report.WrongAnswerRate:P1} > {wrong:P0}");
    }

    [Fact]
    public async Task ProfileTuningSet_ThroughTheBot_StaysAboveItsFloors()
    {
        var services = fixture.Server.Services;

        var report = await ProfileEvaluation.RunAsync(
            ProfileEvaluationSet.Load(Set("profile-tuning.yaml")),
            services.GetRequiredService<MessageRouter>(),
            services.GetRequiredService<ProfileInterview>(),
            services.GetRequiredService<IKnowledgeSource>().Snapshot,
            CancellationToken.None);
        output.WriteLine(report.Format(summaryOnly: false));

        Assert.True(report.FullAllRight >= 0.95, $"full profiles all right {report.FullAllRight:P1}");
        Assert.True(report.PartialRight >= 0.95, $"partial profiles right {report.PartialRight:P1}");
    }
}
