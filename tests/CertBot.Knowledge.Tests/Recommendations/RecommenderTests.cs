using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Knowledge.Tests.Loading;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests.Recommendations;

public sealed class RecommenderTests
{
    private static readonly Recommender Recommender = new(KnowledgeFile.Real);

    public static TheoryData<Role, TargetCloud, decimal> EveryProfile()
    {
        var data = new TheoryData<Role, TargetCloud, decimal>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var cloud in Enum.GetValues<TargetCloud>())
            {
                foreach (var years in new[] { 0m, 0.5m, 2m, 4m })
                {
                    data.Add(role, cloud, years);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_AnyProfile_NeverRecommendsARetiredCredential(Role role, TargetCloud cloud, decimal years)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, years));

        Assert.NotEqual(CredentialStatus.Retired, advice.Primary?.Credential.Status);
        Assert.All(advice.Readiness, r => Assert.NotEqual(CredentialStatus.Retired, r.Credential.Status));
        Assert.All(advice.NextSteps.SelectMany(CredentialIds), id => Assert.NotEqual(CredentialStatus.Retired, KnowledgeFile.Real.FindCredential(id)!.Status));
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_AnyProfile_PrimaryMatchesTargetCloudOrIsAbsentWhenUndecided(Role role, TargetCloud cloud, decimal years)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, years));

        var expected = cloud switch
        {
            TargetCloud.Gcp => "google-pmle",
            TargetCloud.Aws => "aws-mla-c01",
            TargetCloud.Azure => "azure-ai-103",
            _ => null,
        };
        Assert.Equal(expected, advice.Primary?.Credential.Id);
        Assert.Equal(cloud == TargetCloud.Undecided ? 3 : 0, advice.CloudOptions.Count);
        if (advice.Primary is { } primary)
        {
            Assert.Contains(primary.Reason, new RecommendationReason[]
            {
                new RecommendationReason.PrimaryForCloud(primary.Credential.Id, primary.Credential.Platform),
                new RecommendationReason.PrimaryAfterFoundations(primary.Credential.Id),
            });
        }
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_AnyProfile_ReportsMlShortfallExactlyWhenBelowRequirement(Role role, TargetCloud cloud, decimal years)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, years));

        foreach (var readiness in advice.Readiness)
        {
            var required = readiness.Credential.Experience.MlYears ?? KnowledgeFile.Real.TypicalMlYears[readiness.Credential.Level];
            var ml = readiness.Requirements.Single(r => r.Kind == RequirementKind.MlYears);
            Assert.Equal(required, ml.Required);
            Assert.Equal(years < required, ml.Outcome == RequirementOutcome.Shortfall);
            Assert.Equal(readiness.Credential.Experience.MlYears is null, ml.IsEstimate);
        }
    }

    [Theory]
    [InlineData(0.5, ReadinessLevel.NotYet)]
    [InlineData(1, ReadinessLevel.NotYet)]
    [InlineData(1.5, ReadinessLevel.Close)]
    [InlineData(2, ReadinessLevel.Close)]
    [InlineData(3, ReadinessLevel.Ready)]
    public void Recommend_GoogleMlYears_ShortfallAsFactsAndLevelByHalfRule(decimal years, ReadinessLevel expected)
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.DataScientist, years, TargetCloud.Gcp, 2));

        var google = advice.Readiness.Single(r => r.Credential.Id == "google-pmle");
        var ml = google.Requirements.Single(r => r.Kind == RequirementKind.MlYears);
        Assert.Equal((3m, years, false), (ml.Required, ml.Actual!.Value, ml.IsEstimate));
        Assert.Equal(expected, google.Level);
    }

    [Fact]
    public void Recommend_GoogleWithEnoughExperience_EveryRequirementMetAndReady()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, TargetCloud.Gcp, 2));

        var google = advice.Readiness.Single(r => r.Credential.Id == "google-pmle");
        Assert.Equal(ReadinessLevel.Ready, google.Level);
        Assert.Equal([RequirementKind.MlYears, RequirementKind.PlatformYears], google.Requirements.Select(r => r.Kind));
        Assert.All(google.Requirements, r => Assert.Equal(RequirementOutcome.Met, r.Outcome));
        Assert.False(google.IsEstimate);
    }

    [Theory]
    [InlineData(0.5, RequirementOutcome.Shortfall, ReadinessLevel.Close)]
    [InlineData(0, RequirementOutcome.Shortfall, ReadinessLevel.NotYet)]
    [InlineData(1, RequirementOutcome.Met, ReadinessLevel.Ready)]
    [InlineData(3, RequirementOutcome.Met, ReadinessLevel.Ready)]
    public void Recommend_AwsCloudYears_PlatformShortfallOnlyBelowOneYear(decimal cloudYears, RequirementOutcome outcome, ReadinessLevel level)
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, TargetCloud.Aws, cloudYears));

        var aws = advice.Readiness.Single(r => r.Credential.Id == "aws-mla-c01");
        var platform = aws.Requirements.Single(r => r.Kind == RequirementKind.PlatformYears);
        Assert.Equal((CloudPlatform.Aws, 1m, cloudYears, outcome), (platform.Platform, platform.Required, platform.Actual!.Value, platform.Outcome));
        Assert.Equal(level, aws.Level);
    }

    [Fact]
    public void Recommend_UnknownCloudYears_CheckNeverReady()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, TargetCloud.Gcp, null));

        var google = advice.Readiness.Single(r => r.Credential.Id == "google-pmle");
        var platform = google.Requirements.Single(r => r.Kind == RequirementKind.PlatformYears);
        Assert.Equal((null, RequirementOutcome.Unknown), (platform.Actual, platform.Outcome));
        Assert.Equal(ReadinessLevel.Check, google.Level);
    }

    [Theory]
    [InlineData(TargetCloud.Aws)]
    [InlineData(TargetCloud.Azure)]
    public void Recommend_OtherTargetCloud_GooglePlatformYearsNotMentionedAndNeverReady(TargetCloud cloud)
    {
        // The years given are on the target cloud; nobody asked about Google Cloud, so Google's exam cannot be Ready.
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 5, cloud, 2));

        var google = advice.Readiness.Single(r => r.Credential.Id == "google-pmle");
        Assert.DoesNotContain(google.Requirements, r => r.Kind == RequirementKind.PlatformYears);
        Assert.Equal(ReadinessLevel.Check, google.Level);
    }

    [Theory]
    [InlineData(Role.SoftwareEngineer, new[] { "structuring-ml-projects", "applied-ml-python" })]
    [InlineData(Role.DataScientist, new[] { "production-ml-systems" })]
    [InlineData(Role.MlPractitioner, new string[0])]
    public void Recommend_Persona_CoursePathFollowsTheArticleOrder(Role role, string[] expected)
    {
        foreach (var cloud in Enum.GetValues<TargetCloud>())
        {
            var advice = Recommender.Recommend(new LearnerProfile(role, 1, cloud, 1));

            Assert.Equal(expected, advice.CoursePath.Select(c => c.Course.Id));
            Assert.Equal(Enumerable.Range(1, expected.Length), advice.CoursePath.Select(c => c.Order));
        }
    }

    [Fact]
    public void Recommend_CourseStep_CarriesTheCourseAndWhy()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.SoftwareEngineer, 0, TargetCloud.Gcp, 0));

        // The host words it (with the rating's scale, see the host's CourseRatingTests); the library gives the facts.
        var first = advice.CoursePath[0];
        Assert.Equal(9.8m, first.Course.Rating);
        Assert.Contains(new NextStep.TakeCourse(first.Course.Id, first.Why), advice.NextSteps);
    }

    [Theory]
    [InlineData(Role.SoftwareEngineer)]
    [InlineData(Role.DataScientist)]
    [InlineData(Role.MlPractitioner)]
    public void Recommend_NamedCloud_CredentialStepIsLastAfterCoursesAndProjects(Role role)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, 2, TargetCloud.Aws, 1));

        var credentialStep = advice.NextSteps.ToList().IndexOf(new NextStep.SitExam("aws-mla-c01"));
        Assert.True(credentialStep >= 0);
        foreach (var course in advice.CoursePath)
        {
            Assert.True(advice.NextSteps.ToList().FindIndex(s => s is NextStep.TakeCourse take && take.CourseId == course.Course.Id) < credentialStep);
        }
    }

    [Theory]
    [InlineData(TargetCloud.Aws, "aws-mls-c01", "2026-03-31", "aws-mla-c01")]
    [InlineData(TargetCloud.Azure, "azure-ai-102", "2026-06-30", "azure-ai-103")]
    public void Recommend_CloudWithRetiredExam_ExplainsSuccessor(TargetCloud cloud, string retired, string date, string successor)
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, cloud, 2));

        Assert.Equal([new RetiredNote(retired, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), successor)], advice.RetiredNotes);
    }

    [Fact]
    public void Recommend_Gcp_HasNoRetiredNotes() =>
        Assert.Empty(Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, TargetCloud.Gcp, 2)).RetiredNotes);

    [Fact]
    public void Recommend_Undecided_ComparesAllThreeAndNotesBothRetirements()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 4, TargetCloud.Undecided, null));

        Assert.Null(advice.Primary);
        Assert.Equal(["aws-mla-c01", "azure-ai-103", "google-pmle"], advice.CloudOptions.Select(o => o.Credential.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, advice.RetiredNotes.Count);
        Assert.DoesNotContain(advice.HiringSignals, s => s.RequiresTargetCloud);
    }

    [Fact]
    public void Recommend_HiringSignals_KeepTheArticleOrderPortfolioFirst()
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.SoftwareEngineer, 0, TargetCloud.Gcp, 0));

        Assert.Equal(["portfolio", "vendor-exam", "course-certificate", "platform-match"], advice.HiringSignals.Select(s => s.Id));
    }

    [Fact]
    public void Recommend_Practitioner_DoesNotGetCourseCertificateSignal() =>
        Assert.DoesNotContain(
            Recommender.Recommend(new LearnerProfile(Role.MlPractitioner, 5, TargetCloud.Gcp, 2)).HiringSignals,
            s => s.Id == "course-certificate");

    [Theory]
    [InlineData("azure-ai-103", TargetCloud.Azure, 0, 1, ReadinessLevel.NotYet)]
    [InlineData("azure-ai-103", TargetCloud.Azure, 1, 1, ReadinessLevel.Ready)]
    [InlineData("aws-aip-c01", TargetCloud.Aws, 0, 3, ReadinessLevel.NotYet)]
    [InlineData("aws-aip-c01", TargetCloud.Aws, 2, 3, ReadinessLevel.Close)]
    public void Recommend_CredentialWithoutPublishedYears_JudgedFromLevelAsEstimate(string id, TargetCloud cloud, decimal years, decimal typical, ReadinessLevel expected)
    {
        var advice = Recommender.Recommend(new LearnerProfile(Role.SoftwareEngineer, years, cloud, 5));

        var readiness = advice.Readiness.Single(r => r.Credential.Id == id);
        var ml = Assert.Single(readiness.Requirements);
        Assert.Equal((RequirementKind.MlYears, typical, true), (ml.Kind, ml.Required, ml.IsEstimate));
        Assert.True(readiness.IsEstimate);
        Assert.Equal(expected, readiness.Level);
    }

    [Theory]
    [InlineData(TargetCloud.Gcp)]
    [InlineData(TargetCloud.Aws)]
    [InlineData(TargetCloud.Undecided)]
    public void Recommend_RelatedCredentialOnLearnersCloud_IsLeftOutOfReadiness(TargetCloud cloud)
    {
        // The fixture's side-exam is an active AWS credential on the related track.
        var knowledge = KnowledgeLoader.Parse(MinimalKnowledge.Yaml, "k.yaml", new KnowledgeValidationOptions { Clock = TestClock.At(new DateOnly(2026, 11, 23)) }).Knowledge!;

        var advice = new Recommender(knowledge).Recommend(new LearnerProfile(Role.MlPractitioner, 5, cloud, 5));

        Assert.Equal(["new-exam"], advice.Readiness.Select(r => r.Credential.Id));
        Assert.DoesNotContain("side-exam", advice.CloudOptions.Select(o => o.Credential.Id));
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_AnyProfile_AdvisesOnlyMlEngineeringCredentials(Role role, TargetCloud cloud, decimal years)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, years, cloud, years));
        var related = KnowledgeFile.Real.Credentials.Where(c => c.Track == CredentialTrack.Related).ToArray();

        Assert.NotEmpty(related);
        Assert.NotEqual(CredentialTrack.Related, advice.Primary?.Credential.Track);
        Assert.All(advice.Readiness, r => Assert.Equal(CredentialTrack.MlEngineering, r.Credential.Track));
        var advised = advice.NextSteps.SelectMany(CredentialIds)
            .Concat(advice.CloudOptions.Select(o => o.Credential.Id))
            .Concat(advice.RetiredNotes.SelectMany(n => new[] { n.RetiredId, n.SuccessorId }))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(related, c => Assert.DoesNotContain(c.Id, advised));
    }

    private static IEnumerable<string> CredentialIds(NextStep step) => step switch
    {
        NextStep.GainMlYears gain => [gain.CredentialId],
        NextStep.ExamPrep prep => [prep.CredentialId],
        NextStep.SitExam { CredentialId: { } id } => [id],
        NextStep.PreparationTime time => [time.CredentialId],
        _ => [],
    };
}
