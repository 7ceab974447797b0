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

        // Told to skip ahead to exam preparation: the "ready" path, or the summary of a path that has no coursework.
        var skipAhead = advice.PathSummary switch
        {
            PathAdvice.Ready skip => skip.CredentialId == verdict.Credential.Id,
            PathAdvice.PersonaSummary persona => Knowledge.FindPath(persona.Persona)!.Steps.All(s => s.Kind != PathStepKind.Course),
            _ => false,
        };
        Assert.Equal(ready, skipAhead);
        Assert.Equal(ready && hasCourses, advice.CoursesOptional);

        var courseSteps = advice.NextSteps.OfType<NextStep.TakeCourse>().Count(step => advice.CoursePath.Any(c => c.Course.Id == step.CourseId));
        Assert.Equal(ready ? 0 : advice.CoursePath.Count, courseSteps);

        // "After the foundation courses" only for someone short of experience; unknown cloud years alone are no shortfall.
        var isShort = verdict.Level is ReadinessLevel.NotYet or ReadinessLevel.Close;
        var afterFoundations = new RecommendationReason.PrimaryAfterFoundations(verdict.Credential.Id);
        Assert.Equal(isShort && hasCourses, advice.Primary!.Reason == afterFoundations);
        Assert.Equal(!(isShort && hasCourses), advice.Primary.Reason == new RecommendationReason.PrimaryForCloud(verdict.Credential.Id, verdict.Credential.Platform));
    }

    [Theory]
    [MemberData(nameof(People))]
    public void Recommend_Person_NamesWhatToGainFirstForEveryShortfall(Role role, decimal years, TargetCloud cloud, decimal? cloudYears)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, cloudYears));
        var verdict = advice.PrimaryReadiness!;
        var hasCourses = Knowledge.FindPath(role)!.Steps.Any(s => s.Kind == PathStepKind.Course);

        var expected = new List<NextStep>();
        foreach (var check in verdict.Requirements.Where(r => r.Outcome == RequirementOutcome.Shortfall))
        {
            if (check.Kind == RequirementKind.PlatformYears)
            {
                expected.Add(new NextStep.GainPlatformYears(check.Platform, check.Required, check.Actual!.Value));
            }
            else if (!hasCourses)
            {
                // With a course path, the courses are how the ML experience is gained.
                expected.Add(new NextStep.GainMlYears(verdict.Credential.Id, check.Required, check.Actual!.Value));
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
        Assert.Equal("AWS Certified Machine Learning Engineer - Associate", advice.PrimaryReadiness.Credential.Name);
        Assert.Equal(new PathAdvice.GainFirst(advice.PrimaryReadiness.Credential.Id), advice.PathSummary);
        Assert.Equal(new NextStep.GainPlatformYears(CloudPlatform.Aws, 1, 0.5m), advice.NextSteps[0]);
    }

    public static TheoryData<Role, decimal> UndecidedPeople()
    {
        var data = new TheoryData<Role, decimal>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var years in new[] { 0m, 0.5m, 1m, 2m, 3m, 5m, 10m })
            {
                data.Add(role, years);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UndecidedPeople))]
    public void Recommend_Undecided_ThreeCurrentExamsBestFitFirst(Role role, decimal years)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, TargetCloud.Undecided, null));

        Assert.Equal(["aws-mla-c01", "azure-ai-103", "google-pmle"], advice.CloudOptions.Select(o => o.Credential.Id).Order(StringComparer.Ordinal));
        Assert.All(advice.CloudOptions, o => Assert.True(o.Credential.IsRecommendable));
        // Best fit: the better readiness first and, at one readiness, the easier level first.
        var fit = advice.CloudOptions.Select(o => (o.Level, Difficulty: ReadinessJudge.Difficulty(o.Credential.Level))).ToList();
        Assert.Equal(fit.OrderBy(f => f.Level).ThenBy(f => f.Difficulty), fit);
    }

    [Fact]
    public void Recommend_NamedCloud_NoCloudOptions() =>
        Assert.Empty(Recommender.Recommend(new LearnerProfile(Role.DataScientist, 2, TargetCloud.Aws, null)).CloudOptions);

}
