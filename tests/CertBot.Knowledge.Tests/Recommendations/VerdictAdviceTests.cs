using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;

namespace CertBot.Knowledge.Tests.Recommendations;

/// <summary>
/// The advice agrees with the readiness verdict, over every role, ML-years band, named cloud and cloud-years value:
/// only someone ready is told to skip the coursework; someone short is told what to gain first; the reason for the
/// credential says "after the foundation courses" only to someone who still needs them.
/// </summary>
public sealed class VerdictAdviceTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeFile.Real;
    private static readonly Recommender Recommender = new(Knowledge);

    public static TheoryData<Role, decimal, TargetCloud, decimal?> People()
    {
        var data = new TheoryData<Role, decimal, TargetCloud, decimal?>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var years in new[] { 0m, 0.5m, 1m, 2m, 3m, 5m, 10m })
            {
                foreach (var cloud in new[] { TargetCloud.Gcp, TargetCloud.Aws, TargetCloud.Azure })
                {
                    foreach (var cloudYears in new decimal?[] { null, 0m, 0.5m, 2m })
                    {
                        data.Add(role, years, cloud, cloudYears);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public void Recommend_Person_SkipsCourseworkOnlyWhenReady(Role role, decimal years, TargetCloud cloud, decimal? cloudYears)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, cloudYears));
        var verdict = advice.PrimaryReadiness!;
        var path = Knowledge.FindPath(role)!;
        var hasCourses = path.Steps.Any(s => s.Kind == PathStepKind.Course);
        var ready = verdict.Level == ReadinessLevel.Ready;

        // Every sentence in the knowledge file that tells the person to skip ahead to exam preparation.
        var skipAhead = new[] { Knowledge.Messages.Format(MessageKeys.PathReady, ("credential", verdict.Credential.Name)) }
            .Concat(Knowledge.Paths.Where(p => p.Steps.All(s => s.Kind != PathStepKind.Course)).Select(p => p.Summary));
        Assert.Equal(ready, skipAhead.Contains(advice.PathSummary));
        Assert.Equal(ready && hasCourses, advice.CoursesOptional);

        var courseSteps = advice.NextSteps.Count(step => advice.CoursePath.Any(c => step.StartsWith(c.Display, StringComparison.Ordinal)));
        Assert.Equal(ready ? 0 : advice.CoursePath.Count, courseSteps);

        var afterFoundations = Knowledge.Messages.Format(MessageKeys.PrimaryAfterFoundations, ("credential", verdict.Credential.ShortName!));
        Assert.Equal(!ready && hasCourses, advice.Primary!.Reason == afterFoundations);
    }

    [Theory]
    [MemberData(nameof(People))]
    public void Recommend_Person_NamesWhatToGainFirstForEveryShortfall(Role role, decimal years, TargetCloud cloud, decimal? cloudYears)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, cloudYears));
        var verdict = advice.PrimaryReadiness!;
        var hasCourses = Knowledge.FindPath(role)!.Steps.Any(s => s.Kind == PathStepKind.Course);

        var expected = new List<string>();
        foreach (var check in verdict.Requirements.Where(r => r.Outcome == RequirementOutcome.Shortfall))
        {
            var figures = new[] { ("required", Number(check.Required)), ("actual", Number(check.Actual!.Value)) };
            if (check.Kind == RequirementKind.PlatformYears)
            {
                var key = check.Platform switch
                {
                    CloudPlatform.Gcp => MessageKeys.GainPlatformGcp,
                    CloudPlatform.Aws => MessageKeys.GainPlatformAws,
                    _ => MessageKeys.GainPlatformAzure,
                };
                expected.Add(Knowledge.Messages.Format(key, figures));
            }
            else if (!hasCourses)
            {
                // With a course path, the courses are how the ML experience is gained.
                expected.Add(Knowledge.Messages.Format(MessageKeys.GainMlYears, [("credential", verdict.Credential.Name), .. figures]));
            }
        }

        // What to gain comes first, before any course or the exam itself.
        Assert.Equal(expected, advice.NextSteps.Take(expected.Count));
        Assert.DoesNotContain(advice.NextSteps.Skip(expected.Count), step => expected.Contains(step));
    }

    [Fact]
    public void Recommend_PractitionerShortOnAws_SaysGainFirstNotSkipAhead()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 5, TargetCloud.Aws, 0.5m));

        Assert.Equal(ReadinessLevel.Close, advice.PrimaryReadiness!.Level);
        Assert.Equal(Knowledge.Messages.Format(MessageKeys.PathGainFirst, ("credential", "AWS Certified Machine Learning Engineer - Associate")), advice.PathSummary);
        Assert.Contains("SageMaker", advice.NextSteps[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.SoftwareEngineer)]
    [InlineData(Role.DataScientist)]
    [InlineData(Role.MlPractitioner)]
    public void Recommend_Undecided_ThreeCurrentExamsBestFitFirst(Role role)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, 2, TargetCloud.Undecided, null));

        Assert.Equal(["aws-mla-c01", "azure-ai-103", "google-pmle"], advice.CloudOptions.Select(o => o.Credential.Id).Order(StringComparer.Ordinal));
        Assert.All(advice.CloudOptions, o => Assert.True(o.Credential.IsRecommendable));
        Assert.Equal(advice.CloudOptions.Select(o => o.Level).Order(), advice.CloudOptions.Select(o => o.Level));
    }

    [Fact]
    public void Recommend_NamedCloud_NoCloudOptions() =>
        Assert.Empty(Recommender.Recommend(new LearnerProfile(Role.DataScientist, 2, TargetCloud.Aws, null)).CloudOptions);

    private static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
