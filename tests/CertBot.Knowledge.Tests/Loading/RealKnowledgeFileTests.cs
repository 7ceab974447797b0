using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests.Loading;

public sealed class RealKnowledgeFileTests
{
    [Fact]
    public void Load_RealFile_HasNoIssues()
    {
        var result = KnowledgeLoader.Load(KnowledgeFile.PathToRealFile, new KnowledgeValidationOptions { Clock = TestClock.At(KnowledgeFile.Today) });

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
    [InlineData("exam-format")]
    [InlineData("prep-time")]
    [InlineData("aws-prep-time")]
    [InlineData("azure-prep-time")]
    [InlineData("google-exam-format")]
    [InlineData("aws-exam-format")]
    [InlineData("azure-exam-format")]
    [InlineData("aws-ai-practitioner")]
    [InlineData("azure-dp-100")]
    [InlineData("azure-ai-fundamentals")]
    public void FindFaq_RequiredId_Exists(string id) => Assert.NotNull(KnowledgeFile.Real.FindFaq(id));

    // Checked here as well as by the validator so a loosened validator cannot let a blank or cut-off button label ship.
    [Fact]
    public void Faqs_RealFile_EveryEntryHasAShortTitle()
    {
        var bad = KnowledgeFile.Real.Faqs
            .Where(f => string.IsNullOrWhiteSpace(f.Title) || f.Title.Length > FaqEntry.MaxTitleLength)
            .Select(f => $"{f.Id}: '{f.Title}'")
            .ToList();

        Assert.True(bad.Count == 0, string.Join("\n", bad));
        Assert.Equal(40, FaqEntry.MaxTitleLength);
    }

    // Source titles are shown to people on answer cards, so they must read as names, not as curation notes.
    [Fact]
    public void Sources_RealFile_NoTitleLeaksTheSeedLabel()
    {
        var titles = KnowledgeFile.Real.Faqs.SelectMany(f => f.Sources)
            .Concat(KnowledgeFile.Real.Credentials.SelectMany(c => c.Sources))
            .Select(s => s.Title)
            .ToList();

        Assert.NotEmpty(titles);
        Assert.DoesNotContain(titles, t => t.Contains("seed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Faqs_RealFile_KeepsTheOriginal22AndAddsNine() => Assert.Equal(31, KnowledgeFile.Real.Faqs.Count);

    [Theory]
    [InlineData("google-pmle", CredentialLevel.Professional, CredentialTrack.MlEngineering, CredentialStatus.Active)]
    [InlineData("aws-mls-c01", CredentialLevel.Specialty, CredentialTrack.MlEngineering, CredentialStatus.Retired)]
    [InlineData("aws-mla-c01", CredentialLevel.Associate, CredentialTrack.MlEngineering, CredentialStatus.Active)]
    [InlineData("aws-aip-c01", CredentialLevel.Professional, CredentialTrack.MlEngineering, CredentialStatus.Active)]
    [InlineData("azure-ai-102", CredentialLevel.Associate, CredentialTrack.MlEngineering, CredentialStatus.Retired)]
    [InlineData("azure-ai-103", CredentialLevel.Associate, CredentialTrack.MlEngineering, CredentialStatus.Active)]
    [InlineData("aws-aif-c01", CredentialLevel.Foundational, CredentialTrack.Related, CredentialStatus.Active)]
    [InlineData("azure-dp-100", CredentialLevel.Associate, CredentialTrack.Related, CredentialStatus.Unconfirmed)]
    [InlineData("azure-ai-900", CredentialLevel.Foundational, CredentialTrack.Related, CredentialStatus.Unconfirmed)]
    [InlineData("azure-ai-901", CredentialLevel.Foundational, CredentialTrack.Related, CredentialStatus.Unconfirmed)]
    public void FindCredential_EveryCredential_HasItsLevelTrackAndStatus(string id, CredentialLevel level, CredentialTrack track, CredentialStatus status)
    {
        var credential = KnowledgeFile.Real.FindCredential(id)!;

        Assert.Equal((level, track, status), (credential.Level, credential.Track, credential.Status));
    }

    [Fact]
    public void Credentials_RealFile_AreExactlyTheTenAbove() => Assert.Equal(10, KnowledgeFile.Real.Credentials.Count);

    [Theory]
    [InlineData("passing-score")]
    [InlineData("question-count")]
    [InlineData("exam-length")]
    [InlineData("languages")]
    [InlineData("renewal")]
    [InlineData("retakes")]
    [InlineData("test-centres")]
    [InlineData("delivery")]
    [InlineData("regional-prices")]
    [InlineData("discounts")]
    [InlineData("reimbursement")]
    [InlineData("booking")]
    public void FindDetail_RequiredId_HasLabelAndPhrases(string id)
    {
        var detail = KnowledgeFile.Real.FindDetail(id)!;

        Assert.False(string.IsNullOrWhiteSpace(detail.Label));
        Assert.NotEmpty(detail.Phrases);
    }

    [Theory]
    [InlineData("google-pmle", "passing-score", true)]
    [InlineData("aws-mla-c01", "passing-score", false)]
    [InlineData("aws-mla-c01", "exam-length", false)]
    [InlineData("aws-mla-c01", "retakes", true)]
    [InlineData("azure-ai-103", "exam-length", true)]
    public void FindCredential_NotCovered_ListsOnlyWhatWeDoNotHold(string id, string detail, bool notCovered) =>
        Assert.Equal(notCovered, KnowledgeFile.Real.FindCredential(id)!.NotCovered.Contains(detail));

    [Theory]
    [InlineData("exam-cost", new[] { "regional-prices", "discounts", "reimbursement" })]
    [InlineData("exam-format", new[] { "retakes", "languages" })]
    public void FindFaq_NotCovered_NamesTheDetailsItsAnswerLacks(string id, string[] details) =>
        Assert.All(details, d => Assert.Contains(d, KnowledgeFile.Real.FindFaq(id)!.NotCovered));

    [Fact]
    public void Faqs_OwnPhrasings_NeverAskForADetailTheEntryLacks()
    {
        // Otherwise the bot would answer an entry's own canonical question with "I don't have that".
        foreach (var faq in KnowledgeFile.Real.Faqs)
        {
            foreach (var phrasing in faq.Alternatives.Prepend(faq.Question))
            {
                var clash = faq.NotCovered.Select(KnowledgeFile.Real.FindDetail).OfType<DetailTopic>().Where(d => d.IsMentionedIn(phrasing));
                Assert.True(!clash.Any(), $"'{phrasing}' ({faq.Id}) asks for {string.Join(", ", clash.Select(d => d.Id))}, which the entry lists as not covered");
            }
        }
    }

    [Theory]
    [InlineData("What is the pass mark for AIF-C01?", "passing-score")]
    [InlineData("Can I resit MLA-C01 if I fail?", "retakes")]
    [InlineData("Does the Google ML certification expire?", "renewal")]
    [InlineData("How much is the exam in euros?", "regional-prices")]
    [InlineData("Is there a voucher for AI-103?", "discounts")]
    [InlineData("Will my employer pays for it, can I get it reimbursed?", "reimbursement")]
    [InlineData("Can I take it online proctored from home?", "delivery")]
    [InlineData("Where is the nearest test centre for the AWS exam?", "test-centres")]
    [InlineData("What webcam do I need for online proctoring?", "test-centres")]
    [InlineData("What happens if I'm 10 minutes late to the test center?", "exam-day")]
    [InlineData("Where do I book the exam?", "booking")]
    [InlineData("Any promo codes for the AWS ML engineer exam?", "discounts")]
    [InlineData("Do employers usually cover ML certification costs?", "reimbursement")]
    [InlineData("Can I sit the Azure exam in Portuguese?", "languages")]
    [InlineData("Once I have the badge, do I have to do it again at some point?", "renewal")]
    [InlineData("What happens if I flunk the Amazon test?", "retakes")]
    [InlineData("how to regester for the aws exam", "booking")]
    [InlineData("when do I get my PMLE results?", "exam-day")]
    [InlineData("What questions will they ask me in the technical interview?", "interviews")]
    [InlineData("Is the degree worth it?", "degrees")]
    [InlineData("how much does the cpa exam cost", "other-certifications")]
    [InlineData("how much do PMLE-certified engineers earn?", "salaries")]
    [InlineData("What's the minimum mark to get through the Google test?", "passing-score")]
    [InlineData("Any way to knock the price down on the AWS exam?", "discounts")]
    [InlineData("What kind of paycheck can I expect with a cloud ML credential?", "salaries")]
    [InlineData("when will my digital badge for DP-100 show up?", "exam-day")]
    [InlineData("will I get a score breakdown if I fail the Azure exam?", "exam-day")]
    [InlineData("Can AWS post me a printed certificate?", "credential-records")]
    [InlineData("where is the validation number for my Google cert?", "credential-records")]
    [InlineData("Does MLA-C01 count toward my CPE credits?", "continuing-education")]
    [InlineData("Is the PMLE fee tax deductible in Canada?", "tax-deductions")]
    [InlineData("how many attempts a year are allowed for AI-103?", "retakes")]
    [InlineData("Can I write off the exam as a tax deduction?", "tax-deductions")]
    [InlineData("How much more do certified engineers make than the rest?", "salaries")]
    [InlineData("Do you see your result immediately after the last question?", "exam-day")]
    [InlineData("Any tips for the system design round at the onsite?", "interviews")]
    [InlineData("Should I show my Azure badge on LinkedIn, and how?", "credential-records")]
    [InlineData("Which universities have the best ML degree in Europe?", "degrees")]
    [InlineData("Can I sit the online exam on my work laptop behind a VPN?", "test-centres")]
    [InlineData("What is the scaled score for the Azure exam?", "passing-score")]
    [InlineData("Is Security+ worth it next to the AWS ML exam?", "other-certifications")]
    [InlineData("My internet connection drops now and then: can I still sit the exam online?", "test-centres")]
    [InlineData("Can I get the AWS exam below list price?", "discounts")]
    [InlineData("What's the item count on the Azure exam?", "question-count")]
    [InlineData("Which system checks does my PC need for the online exam?", "test-centres")]
    [InlineData("Is there a testing center near Leeds?", "test-centres")]
    [InlineData("Do most companies cover the exam cost?", "reimbursement")]
    [InlineData("How do I reserve a slot for the AI-103?", "booking")]
    [InlineData("What do ML engineers make in Toronto?", "salaries")]
    [InlineData("Should I do the Generative AI Leader cert too?", "other-certifications")]
    [InlineData("Can I still get in if I'm late?", "exam-day")]
    [InlineData("Do you get the pass or fail straight away?", "exam-day")]
    [InlineData("What happens in a typical hiring loop?", "interviews")]
    [InlineData("I never studied at university, will that hold me back?", "degrees")]
    [InlineData("Where do I find my certificate after passing?", "credential-records")]
    [InlineData("Does the PMLE help with a skilled worker visa?", "continuing-education")]
    [InlineData("What score threshold counts as a pass?", "passing-score")]
    public void Details_TypicalQuestion_IsRecognised(string question, string detail) =>
        Assert.True(KnowledgeFile.Real.FindDetail(detail)!.IsMentionedIn(question));

    [Theory]
    [InlineData("How long should I study for MLA-C01?")]
    [InlineData("What is my study schedule for the Google exam?")]
    [InlineData("Which book should I read for AI-103?")]
    [InlineData("How much does the AWS ML exam cost?")]
    [InlineData("How long does the AWS exam last?")]
    [InlineData("What does the GCP machine learning engineer certification cover?")]
    [InlineData("Is there a standard credential for ML engineers, like the CPA is for accountants?")]
    [InlineData("What courses help with ML interviews?")]
    [InlineData("I have a degree in physics, should I do AWS or Google first?")]
    [InlineData("Is the AWS exam cheaper than the Google one?")]
    [InlineData("What is the minimum experience for the Google exam?")]
    [InlineData("Does the Google exam fee include tax?")]
    [InlineData("Is a course certificate worth as much as a vendor certification?")]
    [InlineData("How many times a week should I study for the AWS exam?")]
    [InlineData("Do I get the certificate right away after I pass the Google exam?")]
    [InlineData("Which course is best before the AWS exam?")]
    [InlineData("Is a degree or a certification more important for getting hired?")]
    [InlineData("Does the MLA-C01 exam cover security?")]
    [InlineData("How many rounds of practice tests should I do before the AWS exam?")]
    [InlineData("Should I study at university or take the AWS exam first?")]
    [InlineData("Is it too late to start preparing for the Google exam this year?")]
    [InlineData("How do I find the right course for the Azure exam?")]
    public void Details_QuestionsWeCanAnswer_TriggerNoDetail(string question) =>
        Assert.DoesNotContain(KnowledgeFile.Real.Details, d => d.IsMentionedIn(question));

    [Fact]
    public void Recommend_EveryProfile_NeverAdvisesARetiredUnconfirmedOrRelatedCredential()
    {
        var recommender = new Recommender(KnowledgeFile.Real);
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var cloud in Enum.GetValues<TargetCloud>())
            {
                var advice = recommender.Recommend(new LearnerProfile(role, 2, cloud, 1));

                var advised = advice.Readiness.Select(r => r.Credential).Concat(advice.Primary is null ? [] : [advice.Primary.Credential]);
                Assert.All(advised, c => Assert.True(c.IsRecommendable && c.Track == CredentialTrack.MlEngineering && c.Status == CredentialStatus.Active, c.Id));
            }
        }
    }

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
