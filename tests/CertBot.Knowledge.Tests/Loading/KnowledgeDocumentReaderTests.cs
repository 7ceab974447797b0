using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests.Loading;

public sealed class KnowledgeDocumentReaderTests
{
    private static readonly KnowledgeValidationOptions Options = new() { Clock = TestClock.At(new DateOnly(2026, 11, 23)) };

    private static KnowledgeBase Load(string yaml)
    {
        var result = KnowledgeLoader.Parse(yaml, "k.yaml", Options);
        return result.Knowledge ?? throw new InvalidOperationException(result.Report.Format());
    }

    [Fact]
    public void Parse_MinimalFile_ReadsDetailsInFileOrder()
    {
        var kb = Load(MinimalKnowledge.Yaml);

        Assert.Equal(["passing-score", "retakes"], kb.Details.Select(d => d.Id));
        Assert.Equal("the passing score", kb.FindDetail("passing-score")!.Label);
        Assert.Equal(["passing score", "pass mark"], kb.FindDetail("passing-score")!.Phrases);
        Assert.Null(kb.FindDetail("renewal"));
    }

    [Fact]
    public void Parse_MinimalFile_ReadsLevelAndTrackOfEachCredential()
    {
        var kb = Load(MinimalKnowledge.Yaml);

        Assert.Equal((CredentialLevel.Associate, CredentialTrack.MlEngineering), Shape(kb, "new-exam"));
        Assert.Equal((CredentialLevel.Specialty, CredentialTrack.MlEngineering), Shape(kb, "old-exam"));
        Assert.Equal((CredentialLevel.Foundational, CredentialTrack.Related), Shape(kb, "side-exam"));
    }

    [Fact]
    public void Parse_MinimalFile_ReadsNotCoveredAndDefaultsToEmpty()
    {
        var kb = Load(MinimalKnowledge.Yaml);

        Assert.Equal(["retakes"], kb.FindCredential("new-exam")!.NotCovered);
        Assert.Empty(kb.FindCredential("old-exam")!.NotCovered);
        Assert.Equal(["passing-score"], kb.FindFaq("faq-a")!.NotCovered);
        Assert.Empty(kb.FindFaq("faq-b")!.NotCovered);
    }

    [Fact]
    public void Parse_AboutKinds_IsReadAndDefaultsToFalse()
    {
        var kb = Load(MinimalKnowledge.With("  - id: faq-b\n", "  - id: faq-b\n    aboutKinds: true\n"));

        Assert.True(kb.FindFaq("faq-b")!.AboutKinds);
        Assert.False(kb.FindFaq("faq-a")!.AboutKinds);
    }

    [Fact]
    public void Parse_AskingWords_AreReadIntoTheLexicon()
    {
        var kb = Load(MinimalKnowledge.Yaml + "\nmatcher:\n  stopWords: [how, the]\n  askingWords: [how]\n");

        Assert.Equal(["how"], kb.Lexicon.AskingWords);
    }

    [Fact]
    public void Parse_UnconfirmedStatus_IsReadAndNotRecommendable()
    {
        var kb = Load(MinimalKnowledge.With(
            "status: active\n    experience:\n      description: None published.",
            "status: unconfirmed\n    experience:\n      description: None published."));

        var side = kb.FindCredential("side-exam")!;
        Assert.Equal(CredentialStatus.Unconfirmed, side.Status);
        Assert.False(side.IsRecommendable);
    }

    [Fact]
    public void Parse_FileWithoutDetailsOrNotCovered_LoadsWithNoDetails()
    {
        var yaml = MinimalKnowledge.With(
                "details:\n  - id: passing-score\n    label: the passing score\n    phrases: [passing score, pass mark]\n  - id: retakes\n    label: the retake policy\n    phrases: [retake]\n",
                string.Empty)
            .Replace("    notCovered: [retakes]\n", string.Empty, StringComparison.Ordinal)
            .Replace("    notCovered: [passing-score]\n", string.Empty, StringComparison.Ordinal);

        var kb = Load(yaml);

        Assert.Empty(kb.Details);
        Assert.All(kb.Credentials, c => Assert.Empty(c.NotCovered));
    }

    [Fact]
    public void Parse_UnknownFieldInDetail_IsReportedAtTheKey()
    {
        var yaml = MinimalKnowledge.With("    label: the retake policy\n", "    lable: the retake policy\n    label: the retake policy\n");

        var issue = Assert.Single(KnowledgeLoader.Parse(yaml, "k.yaml", Options).Report.Issues);

        Assert.Contains("Unknown field 'lable' in detail 'retakes'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(MinimalKnowledge.LineOf(yaml, "lable:"), issue.Line);
    }

    private static (CredentialLevel, CredentialTrack) Shape(KnowledgeBase kb, string id)
    {
        var c = kb.FindCredential(id)!;
        return (c.Level, c.Track);
    }
}
