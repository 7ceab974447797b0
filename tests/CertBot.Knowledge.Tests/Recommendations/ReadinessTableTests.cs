using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Knowledge.Tests.Loading;

namespace CertBot.Knowledge.Tests.Recommendations;

/// <summary>
/// Readiness over every role, ML-years band, target cloud and cloud-years value. The expectation is worked out here
/// from the documented rules and the credentials' published facts, not from the recommender's output.
/// </summary>
public sealed class ReadinessTableTests
{
    private static readonly Recommender Recommender = new(KnowledgeFile.Real);

    // The rules' typical years, restated so a change in the file is a deliberate change in two places.
    private static readonly Dictionary<CredentialLevel, decimal> Typical = new()
    {
        [CredentialLevel.Foundational] = 0,
        [CredentialLevel.Associate] = 1,
        [CredentialLevel.Professional] = 3,
        [CredentialLevel.Specialty] = 2,
    };

    public static TheoryData<Role, decimal, TargetCloud, decimal?> EveryProfile()
    {
        var data = new TheoryData<Role, decimal, TargetCloud, decimal?>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var ml in new[] { 0m, 0.5m, 1m, 2m, 3m, 5m, 10m })
            {
                foreach (var cloud in Enum.GetValues<TargetCloud>())
                {
                    foreach (var cloudYears in new decimal?[] { null, 0m, 2m })
                    {
                        data.Add(role, ml, cloud, cloudYears);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void TypicalExperience_KnowledgeFile_MatchesTheDocumentedTable() =>
        Assert.Equal(Typical.OrderBy(x => x.Key), KnowledgeFile.Real.TypicalMlYears.OrderBy(x => x.Key));

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_EveryProfile_EachCredentialGetsTheRuleLevel(Role role, decimal ml, TargetCloud cloud, decimal? cloudYears)
    {
        var profile = new LearnerProfile(role, ml, cloud, cloudYears);
        var advice = Recommender.Recommend(profile);

        var credentials = KnowledgeFile.Real.Credentials.Where(c => c.Kind == CredentialKind.VendorExam && c.IsRecommendable).ToArray();
        Assert.Equal(credentials.Select(c => c.Id).Order(), advice.Readiness.Select(r => r.Credential.Id).Order());
        foreach (var readiness in advice.Readiness)
        {
            Assert.True(Expected(readiness.Credential, profile, credentials) == readiness.Level,
                $"{readiness.Credential.Id}: expected {Expected(readiness.Credential, profile, credentials)}, got {readiness.Level}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_EveryProfile_HarderExamNeverBetterThanEasierOnSameCloud(Role role, decimal ml, TargetCloud cloud, decimal? cloudYears)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, ml, cloud, cloudYears));

        foreach (var harder in advice.Readiness)
        {
            foreach (var easier in advice.Readiness.Where(e => e.Credential.Platform == harder.Credential.Platform
                && ReadinessJudge.Difficulty(e.Credential.Level) < ReadinessJudge.Difficulty(harder.Credential.Level)))
            {
                Assert.True(Rank(harder.Level) <= Rank(easier.Level), $"{harder.Credential.Id} {harder.Level} is better than {easier.Credential.Id} {easier.Level}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryProfile))]
    public void Recommend_EveryProfile_MentionsOnlyPlatformYearsOfTheTargetCloud(Role role, decimal ml, TargetCloud cloud, decimal? cloudYears)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, ml, cloud, cloudYears));

        foreach (var check in advice.Readiness.SelectMany(r => r.Requirements).Where(r => r.Kind == RequirementKind.PlatformYears))
        {
            Assert.True(cloud == TargetCloud.Undecided || cloud.ToWireName() == Wire(check.Platform), $"{check.Platform} mentioned to someone targeting {cloud}");
            Assert.Equal(cloud == TargetCloud.Undecided || cloudYears is null, check.Outcome == RequirementOutcome.Unknown);
        }
    }

    /// <summary>The measured problems of the issue, stated outright.</summary>
    [Theory]
    [InlineData(Role.SoftwareEngineer, 0, TargetCloud.Aws, null, "aws-mla-c01", ReadinessLevel.NotYet)]
    [InlineData(Role.SoftwareEngineer, 0, TargetCloud.Aws, null, "aws-aip-c01", ReadinessLevel.NotYet)]
    [InlineData(Role.SoftwareEngineer, 0, TargetCloud.Azure, null, "azure-ai-103", ReadinessLevel.NotYet)]
    [InlineData(Role.MlPractitioner, 5, TargetCloud.Gcp, null, "google-pmle", ReadinessLevel.Check)]
    [InlineData(Role.MlPractitioner, 5, TargetCloud.Gcp, 2.0, "google-pmle", ReadinessLevel.Ready)]
    [InlineData(Role.MlPractitioner, 5, TargetCloud.Aws, null, "aws-aip-c01", ReadinessLevel.Check)]
    [InlineData(Role.MlPractitioner, 5, TargetCloud.Undecided, null, "aws-mla-c01", ReadinessLevel.Check)]
    [InlineData(Role.DataScientist, 2, TargetCloud.Gcp, 2.0, "google-pmle", ReadinessLevel.Close)]
    [InlineData(Role.DataScientist, 4, TargetCloud.Aws, null, "google-pmle", ReadinessLevel.Check)]
    [InlineData(Role.DataScientist, 4, TargetCloud.Aws, 2.0, "google-pmle", ReadinessLevel.Check)]
    public void Recommend_IssueProfiles_GetTheTrustworthyLevel(Role role, double ml, TargetCloud cloud, double? cloudYears, string id, ReadinessLevel expected)
    {
        var advice = Recommender.Recommend(new LearnerProfile(role, (decimal)ml, cloud, (decimal?)cloudYears));

        Assert.Equal(expected, advice.Readiness.Single(r => r.Credential.Id == id).Level);
    }

    private static ReadinessLevel Expected(Credential credential, LearnerProfile profile, Credential[] all)
    {
        var own = Own(credential, profile);
        var easier = all.Where(e => e.Platform == credential.Platform && Difficulty(e.Level) < Difficulty(credential.Level))
            .Select(e => Expected(e, profile, all));
        return easier.Append(own).MinBy(Rank);
    }

    private static ReadinessLevel Own(Credential credential, LearnerProfile profile)
    {
        var levels = new List<ReadinessLevel> { ReadinessLevel.Ready };
        var ml = credential.Experience.MlYears ?? Typical[credential.Level];
        levels.Add(ForYears(ml, profile.MlYears));
        var targets = profile.Cloud == TargetCloud.Undecided || profile.Cloud.ToWireName() == Wire(credential.Platform);
        if (credential.Experience.PlatformYears is { } platform && targets)
        {
            var actual = profile.Cloud == TargetCloud.Undecided ? null : profile.CloudYears;
            levels.Add(actual is { } years ? ForYears(platform, years) : ReadinessLevel.Check);
        }
        else if (credential.Experience.PlatformYears is > 0)
        {
            // Years on another cloud than the target are never asked: at best "check", and not mentioned.
            levels.Add(ReadinessLevel.Check);
        }

        return levels.MinBy(Rank);
    }

    private static ReadinessLevel ForYears(decimal required, decimal actual) =>
        actual >= required ? ReadinessLevel.Ready : actual * 2 >= required ? ReadinessLevel.Close : ReadinessLevel.NotYet;

    // Higher is better; Check sits between Close and NotYet by the documented rule.
    private static int Rank(ReadinessLevel level) => level switch
    {
        ReadinessLevel.Ready => 3,
        ReadinessLevel.Close => 2,
        ReadinessLevel.Check => 1,
        _ => 0,
    };

    private static int Difficulty(CredentialLevel level) => level switch
    {
        CredentialLevel.Foundational => 0,
        CredentialLevel.Associate => 1,
        _ => 2,
    };

    private static string Wire(CloudPlatform platform) => platform.ToString().ToLowerInvariant();
}
