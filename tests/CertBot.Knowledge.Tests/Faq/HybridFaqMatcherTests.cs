using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;

namespace CertBot.Knowledge.Tests.Faq;

/// <summary>
/// The decision rule of the semantic fallback, with a scripted embedding: every phrasing of entry i lies on axis i, so
/// a query's similarity to each entry is exactly what the test scripts.
/// </summary>
public sealed class HybridFaqMatcherTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeFile.Real;
    private static readonly int Dimensions = Knowledge.Faqs.Count + 1;
    private static readonly int Spare = Knowledge.Faqs.Count;

    [Fact]
    public async Task MatchAsync_LexicalAnswer_AsksNoEmbedding()
    {
        var (matcher, snapshot, generator) = await BuildAsync([]);
        var calls = generator.Calls;

        var match = await matcher.MatchAsync(snapshot, "How much do the ML certification exams cost?", CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("exam-cost", match.Entry?.Id);
        Assert.Equal(FaqMatchPath.Lexical, match.Path);
        Assert.Equal(calls, generator.Calls);
    }

    [Fact]
    public async Task MatchAsync_LongMessageWithQuestionLast_AnswersTheQuestionLexically()
    {
        var (matcher, snapshot, generator) = await BuildAsync([]);
        var calls = generator.Calls;
        const string text = "So I have been a backend developer for about nine years, mostly Java and some Go. My company started an AI team " +
            "last spring and I keep reading job ads from banks, insurers, retailers and startups that all mention cloud skills. " +
            "My manager says I should get something on paper before the review cycle in March. How much do the ML certification exams cost?";

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("exam-cost", match.Entry?.Id);
        Assert.Equal(calls, generator.Calls);
    }

    [Fact]
    public async Task MatchAsync_LongMessageWhoseQuestionAloneIsVague_IsEmbeddedWithItsContext()
    {
        const string question = "How long should I give myself?";
        const string text = "I'm a C# developer and our team moved to Azure OpenAI last quarter. I want the Microsoft credential by summer. " + question;
        // The question alone says too little (below every threshold); the whole message says what it is about.
        var (matcher, snapshot, _) = await BuildAsync(new()
        {
            [question] = Near("azure-prep-time", 0.45f),
            [text] = ScriptedEmbeddingGenerator.Axis(Dimensions, Knowledge.Faqs.Select((f, i) => (f.Id, i)).Single(p => p.Id == "azure-prep-time").i),
        });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("azure-prep-time", match.Entry?.Id);
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAgreesWithLexicalNearestAboveLowerThreshold_Answers()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["the fee"] = Near("exam-cost", 0.6f) });

        var match = await matcher.MatchAsync(snapshot, "the fee", CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("exam-cost", match.Entry?.Id);
        Assert.Equal(FaqMatchPath.SemanticAgreement, match.Path);
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAgreesButTwoEntriesAreNearlyTied_OffersSuggestions()
    {
        var tied = Between("exam-cost", 0.6f, "coursera-on-resume", 0.595f);
        var (matcher, snapshot, _) = await BuildAsync(new() { ["the fee"] = tied });

        var match = await matcher.MatchAsync(snapshot, "the fee", CancellationToken.None);

        Assert.Equal(FaqMatchKind.DidYouMean, match.Kind);
        Assert.Contains(match.Suggestions, s => s.Id == "exam-cost");
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAgreesAndTheRunnerUpIsAVersionOfTheSameTopic_Answers()
    {
        var tied = Between("prep-time", 0.6f, "google-prep-time", 0.595f);
        var (matcher, snapshot, _) = await BuildAsync(new() { ["the prep"] = tied });

        var match = await matcher.MatchAsync(snapshot, "the prep", CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("prep-time", match.Entry?.Id);
        Assert.Equal(FaqMatchPath.SemanticAgreement, match.Path);
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAgreesButBelowLowerThreshold_OffersSuggestions()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["the fee"] = Near("exam-cost", 0.45f) });

        var match = await matcher.MatchAsync(snapshot, "the fee", CancellationToken.None);

        Assert.Equal(FaqMatchKind.DidYouMean, match.Kind);
        Assert.Contains(match.Suggestions, s => s.Id == "exam-cost");
    }

    [Fact]
    public async Task MatchAsync_LoneWord_IsNeverAnsweredByTheEmbedding()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["fee"] = Near("exam-cost", 0.99f) });

        var match = await matcher.MatchAsync(snapshot, "fee", CancellationToken.None);

        Assert.NotEqual(FaqMatchKind.Answer, match.Kind);
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAloneAboveHigherThreshold_Answers()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["zzz qqq"] = Near("coursera-on-resume", 0.95f) });

        var match = await matcher.MatchAsync(snapshot, "zzz qqq", CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("coursera-on-resume", match.Entry?.Id);
        Assert.Equal(FaqMatchPath.SemanticAlone, match.Path);
    }

    [Fact]
    public async Task MatchAsync_EmbeddingAloneBetweenThresholdsWithoutLexicalSupport_DoesNotAnswer()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["zzz qqq"] = Near("coursera-on-resume", 0.6f) });

        var match = await matcher.MatchAsync(snapshot, "zzz qqq", CancellationToken.None);

        Assert.NotEqual(FaqMatchKind.Answer, match.Kind);
    }

    [Fact]
    public async Task MatchAsync_NothingSimilar_StaysOutOfScope()
    {
        var (matcher, snapshot, _) = await BuildAsync(new() { ["zzz qqq"] = ScriptedEmbeddingGenerator.Axis(Dimensions, Spare) });

        var match = await matcher.MatchAsync(snapshot, "zzz qqq", CancellationToken.None);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public async Task MatchAsync_SemanticDisabled_NeverEmbeds()
    {
        var (matcher, snapshot, generator) = await BuildAsync(new() { ["zzz qqq"] = Near("coursera-on-resume", 0.95f) }, enabled: false);
        var calls = generator.Calls;

        var match = await matcher.MatchAsync(snapshot, "zzz qqq", CancellationToken.None);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Equal(calls, generator.Calls);
    }

    [Theory]
    [InlineData("what's the passing score for the google ml engineer exam?", "passing-score", "Google Cloud Professional Machine Learning Engineer")]
    [InlineData("can I retake MLA-C01 straight away if I fail?", "retakes", "AWS Certified Machine Learning Engineer - Associate")]
    public async Task MatchAsync_DetailTheCredentialDoesNotHold_IsNotHeldWithTheOfficialPage(string text, string detail, string credential)
    {
        var (matcher, snapshot, _) = await BuildAsync([]);

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.NotHeld, match.Kind);
        Assert.Null(match.Entry);
        Assert.Equal(detail, match.Gap?.DetailId);
        Assert.Equal(credential, match.Gap?.CredentialName);
        Assert.NotNull(match.Gap?.OfficialLink);
    }

    [Fact]
    public async Task MatchAsync_DetailTheCredentialHolds_IsAnswered()
    {
        var (matcher, snapshot, _) = await BuildAsync([]);

        var match = await matcher.MatchAsync(snapshot, "what is the passing score of the aws mla-c01 exam", CancellationToken.None);

        Assert.NotEqual(FaqMatchKind.NotHeld, match.Kind);
    }

    [Theory]
    [InlineData("how much time do you get on Google Cloud's ML test, and how many items?", "google-exam-format")]
    [InlineData("Amazon's ML engineer test: how much time, how many items, what's the cutoff?", "aws-exam-format")]
    [InlineData("How long are ML certification exams usually, and how many questions do they have?", "exam-format")]
    public async Task MatchAsync_QuestionSpellsOutADetailOneEntryHolds_AnswersWithThatEntry(string text, string expected)
    {
        // The embedding points at the preparation entry (as the real model does for these): the detail decides.
        var (matcher, snapshot, _) = await BuildAsync(new() { [text] = Near("prep-time", 0.45f) });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(expected, match.Entry?.Id);
    }

    [Fact]
    public async Task MatchAsync_DetailWordsOnAnotherVendorsExam_StayOutOfScope()
    {
        const string text = "how many questions are on the Snowflake SnowPro exam?";
        var (matcher, snapshot, _) = await BuildAsync(new() { [text] = ScriptedEmbeddingGenerator.Axis(Dimensions, Spare) });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.NotEqual(FaqMatchKind.Answer, match.Kind);
    }

    [Fact]
    public async Task MatchAsync_AnswerAboutAnotherVendorsCredential_OffersTheNamedVendorsOwn()
    {
        // The embedding agrees with the AWS entry the words resemble; the question names Microsoft.
        const string text = "Does Microsoft have an entry-level AI test for non-engineers?";
        var (matcher, snapshot, _) = await BuildAsync(new() { [text] = Near("aws-ai-practitioner", 0.9f) });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.DidYouMean, match.Kind);
        Assert.NotEmpty(match.Suggestions);
        Assert.All(match.Suggestions, e => Assert.DoesNotContain(e.OverviewOf, c => c.StartsWith("aws-", StringComparison.Ordinal)));
        Assert.Contains(match.Suggestions, e => e.Id == "azure-ai-fundamentals");
    }

    [Fact]
    public async Task MatchAsync_NameMaskedTopicBelowItsThreshold_KeepsTheCredentialsOwnEntry()
    {
        // Masked, "is the exam relevant for ML engineers" resembles the no-experience entry only weakly.
        const string text = "is DP-100 relevant for ML engineers";
        var (matcher, snapshot, generator) = await BuildAsync(new()
        {
            [text] = Near("azure-dp-100", 0.6f),
            ["is exam relevant for ML engineers"] = Near("pass-without-experience", 0.72f),
        });
        var eager = new HybridFaqMatcher(generator, new SemanticMatchOptions { NamedTopicThreshold = 0 });

        var kept = await matcher.MatchAsync(snapshot, text, CancellationToken.None);
        var replaced = await eager.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal("azure-dp-100", kept.Entry?.Id);
        Assert.Equal(FaqMatchPath.NameMasked, replaced.Path);
        Assert.NotEqual("azure-dp-100", replaced.Entry?.Id);
    }

    [Fact]
    public async Task MatchAsync_UnsureLexicalAnswerTheEmbeddingClearlyDisputes_OffersBoth()
    {
        const string text = "is there an official ml engineer certification";
        var (matcher, snapshot, _) = await BuildAsync(new() { [text] = Near("coursera-on-resume", 0.9f) });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.DidYouMean, match.Kind);
        Assert.Equal(["official-certification", "coursera-on-resume"], match.Suggestions.Select(e => e.Id));
    }

    [Fact]
    public async Task MatchAsync_EmbeddingLeadsTheUnsureAnswerByLessThanTheMargin_KeepsTheAnswer()
    {
        const string text = "is there an official ml engineer certification";
        // 0.74 on the other entry, 0.67 on the lexical one: a lead of 0.07, under the 0.1 margin.
        var mixed = ScriptedEmbeddingGenerator.Mix(Dimensions, Axis("coursera-on-resume"), 0.74f, Axis("official-certification"));
        var (matcher, snapshot, _) = await BuildAsync(new() { [text] = mixed });

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("official-certification", match.Entry?.Id);
    }

    [Fact]
    public async Task MatchAsync_CrossCheckOff_KeepsTheUnsureAnswerWithoutEmbedding()
    {
        const string text = "is there an official ml engineer certification";
        var (matcher, snapshot, generator) = await BuildAsync(new() { [text] = Near("coursera-on-resume", 0.9f) }, crossCheckBelow: 0);
        var calls = generator.Calls;

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal("official-certification", match.Entry?.Id);
        Assert.Equal(calls, generator.Calls);
    }

    [Fact]
    public async Task MatchAsync_UnsureAnswerAboutTheCredentialTheQuestionNames_IsNotCrossChecked()
    {
        const string text = "how many questions are on MLA-C01?";
        var (matcher, snapshot, generator) = await BuildAsync(new() { [text] = Near("coursera-on-resume", 0.9f) });
        var calls = generator.Calls;

        var match = await matcher.MatchAsync(snapshot, text, CancellationToken.None);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("aws-exam-format", match.Entry?.Id);
        Assert.Equal(calls, generator.Calls);
    }

    /// <summary>A unit vector with these similarities to two entries (the rest along the spare axis).</summary>
    private static float[] Between(string first, float firstSimilarity, string second, float secondSimilarity)
    {
        var vector = new float[Dimensions];
        vector[Axis(first)] = firstSimilarity;
        vector[Axis(second)] = secondSimilarity;
        vector[Spare] = MathF.Sqrt(1 - (firstSimilarity * firstSimilarity) - (secondSimilarity * secondSimilarity));
        return vector;
    }

    private static int Axis(string faqId) => Knowledge.Faqs.Select((f, i) => (f.Id, i)).Single(p => p.Id == faqId).i;

    private static float[] Near(string faqId, float similarity)
    {
        var axis = Knowledge.Faqs.Select((f, i) => (f.Id, i)).Single(p => p.Id == faqId).i;
        return ScriptedEmbeddingGenerator.Mix(Dimensions, axis, similarity, Spare);
    }

    private static async Task<(HybridFaqMatcher Matcher, KnowledgeSnapshot Snapshot, ScriptedEmbeddingGenerator Generator)> BuildAsync(
        Dictionary<string, float[]> queries, bool enabled = true, double crossCheckBelow = 0.75)
    {
        var script = new Dictionary<string, float[]>(queries, StringComparer.Ordinal);
        for (var i = 0; i < Knowledge.Faqs.Count; i++)
        {
            foreach (var phrasing in Knowledge.Faqs[i].Alternatives.Prepend(Knowledge.Faqs[i].Question))
            {
                script.TryAdd(phrasing, ScriptedEmbeddingGenerator.Axis(Dimensions, i));
            }
        }

        var generator = new ScriptedEmbeddingGenerator(Dimensions, script);
        var index = await FaqSemanticIndex.BuildAsync(Knowledge.Faqs, generator, CancellationToken.None);
        var snapshot = new KnowledgeSnapshot(Knowledge, new FaqMatcher(Knowledge), new Recommender(Knowledge), DateTimeOffset.UnixEpoch) { Semantic = index };
        return (new HybridFaqMatcher(generator, new SemanticMatchOptions { Enabled = enabled, CrossCheckBelow = crossCheckBelow }), snapshot, generator);
    }
}
