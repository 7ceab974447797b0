using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Tests.Loading;

public sealed class RealKnowledgeFileTests
{
    [Fact]
    public void Load_RealFile_HasNoIssues()
    {
        var result = KnowledgeLoader.Load(KnowledgeFile.PathToRealFile, new KnowledgeValidationOptions { Clock = new FixedClock(KnowledgeFile.Today) });

        Assert.True(result.Report.Issues.Count == 0, result.Report.Format());
        Assert.NotNull(result.Knowledge);
    }

    [Theory]
    [InlineData("official-certification")]
    [InlineData("google-prep-time")]
    [InlineData("coursera-on-resume")]
    [InlineData("cert-required-to-get-hired")]
    [InlineData("mle-vs-data-science-cert")]
    [InlineData("which-vendor-first")]
    [InlineData("vendor-vs-course-certificate")]
    [InlineData("what-hiring-managers-weight")]
    [InlineData("pass-without-experience")]
    [InlineData("google-pmle-overview")]
    [InlineData("aws-ml-overview")]
    [InlineData("azure-ai-engineer-overview")]
    [InlineData("best-first-course")]
    public void FindFaq_RequiredId_Exists(string id) => Assert.NotNull(KnowledgeFile.Real.FindFaq(id));

    [Theory]
    [InlineData("aws-mls-c01", "aws-mla-c01", "2026-03-31")]
    [InlineData("azure-ai-102", "azure-ai-103", "2026-06-30")]
    public void FindCredential_RetiredExam_NamesSuccessorAndDate(string retired, string successor, string date)
    {
        var credential = KnowledgeFile.Real.FindCredential(retired)!;

        Assert.Equal(CredentialStatus.Retired, credential.Status);
        Assert.Equal(successor, credential.SuccessorId);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), credential.RetiredOn);
        Assert.Equal(CredentialStatus.Active, KnowledgeFile.Real.FindCredential(successor)!.Status);
    }

    [Fact]
    public void WhichVendorFirst_Answer_DoesNotRecommendRetiredSpecialtyAsAChoice()
    {
        var answer = KnowledgeFile.Real.FindFaq("which-vendor-first")!.Answer;

        Assert.Contains("MLA-C01", answer, StringComparison.Ordinal);
        Assert.Contains("retired", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("pursue the AWS Machine Learning Specialty", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AwsOverview_Answer_SaysSpecialtyRetiredAndNamesSuccessor()
    {
        var answer = KnowledgeFile.Real.FindFaq("aws-ml-overview")!.Answer;

        Assert.Contains("retired on 2026-03-31", answer, StringComparison.Ordinal);
        Assert.Contains("MLA-C01", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Courses_ArticleCatalogue_HasFiveRatedCourses()
    {
        var ratings = KnowledgeFile.Real.Courses.ToDictionary(c => c.Id, c => c.Rating);

        Assert.Equal(5, ratings.Count);
        Assert.Equal(9.8m, ratings["structuring-ml-projects"]);
        Assert.All(ratings.Where(r => r.Key != "structuring-ml-projects"), r => Assert.Equal(9.7m, r.Value));
    }
}
