using CertBot.Knowledge.Loading;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests.Loading;

/// <summary>
/// A knowledge in files: facts, their English text beside them, and a language's text laid over the English item by
/// item. A text file may word only what the facts hold and may set no fact; every issue names the file it is in.
/// </summary>
public sealed class KnowledgeTextLayerTests : IDisposable
{
    private static readonly KnowledgeValidationOptions Options = new() { Clock = TestClock.At(KnowledgeFile.Today) };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("certbot-text-layers-");

    private string FactsPath => Path.Combine(_folder.FullName, "knowledge.yaml");

    private string FrenchPath => Path.Combine(_folder.FullName, "knowledge.fr.yaml");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Load_FrenchOverOneFile_TranslatesWhatItSetsAndKeepsTheEnglishRest()
    {
        File.WriteAllText(FactsPath, MinimalKnowledge.Yaml);
        File.WriteAllText(FrenchPath, "faqs:\n  - id: faq-a\n    answer: A est **a**.\ncredentials:\n  - id: new-exam\n    name: Nouvel examen\n");

        var french = KnowledgeLoader.Load(FactsPath, Options, "fr-CA");
        var english = KnowledgeLoader.Load(FactsPath, Options);

        Assert.False(french.HasErrors, french.Report.Format());
        var faq = french.Knowledge!.FindFaq("faq-a")!;
        Assert.Equal("A est **a**.", faq.Answer);
        Assert.Equal("What is A?", faq.Question);
        Assert.Equal(["Tell me about A"], faq.Alternatives);
        Assert.Equal("Nouvel examen", french.Knowledge.FindCredential("new-exam")!.Name);
        Assert.Equal("USD 1", french.Knowledge.FindCredential("new-exam")!.Cost);
        Assert.Equal("A is **a**.", english.Knowledge!.FindFaq("faq-a")!.Answer);
        Assert.Equal("New Exam", english.Knowledge.FindCredential("new-exam")!.Name);
    }

    public static TheoryData<string, string, string> FactsInATranslation() => new()
    {
        // the French file, the text whose line and column the error must point at, a fragment of the message
        { "credentials:\n  - id: google-pmle\n    fee: EUR 180\n", "fee: EUR 180", "'fee' of credential 'google-pmle' is not text" },
        { "credentials:\n  - id: google-pmle\n    name: Ingénieur ML\n    status: retired\n", "status: retired", "'status' of credential 'google-pmle' is not text" },
        { "credentials:\n  - id: google-pmle\n    officialLink: https://cloud.google.com/fr\n", "officialLink:", "'officialLink' of credential 'google-pmle' is not text" },
        { "faqs:\n  - id: exam-cost\n    lastVerified: 2027-01-01\n", "lastVerified:", "'lastVerified' of FAQ 'exam-cost' is not text" },
        { "faqs:\n  - id: exam-cost\n    sources:\n      - id: google-machine-learning-engineer\n        url: https://example.com/fr\n", "url:", "'url' of a source 'google-machine-learning-engineer' is not text" },
        { "credentials:\n  - id: google-pmle\n    experience:\n      mlYears: 1\n", "mlYears: 1", "'experience.mlYears' of credential 'google-pmle' is a fact" },
        { "faqs:\n  - id: no-such-faq\n    answer: Non.\n", "id: no-such-faq", "FAQ 'no-such-faq' is not in knowledge.yaml" },
        { "faqs:\n  - id: exam-cost\n    sources:\n      - id: no-such-source\n        title: Page\n", "id: no-such-source", "A source 'no-such-source' is not in knowledge.yaml" },
        { "typicalExperience:\n  associate: 2\n", "typicalExperience:", "'typicalExperience' is a fact" },
        { "faqs:\n  - answer: Sans id.\n", "answer: Sans id.", "needs its 'id'" },
        { "matcher:\n  stopWords: [le, la]\n  answerThreshold: 0.2\n", "answerThreshold:", "'matcher.answerThreshold' is not one of the FAQ matcher's word lists" },
        { "matcher:\n  synonyms:\n    - variants: [prix, tarif]\n", "variants: [prix", "needs its 'canonical' word" },
        { "matcher:\n  synonyms:\n    - canonical: cost\n      variants: [prix]\n    - canonical: \"cost\"\n      variants: [tarif]\n", "canonical: \"cost\"", "'cost' is given twice" },
        { "matcher: [le, la]\n", "[le, la]", "must be a mapping of its word lists" },
    };

    [Theory]
    [MemberData(nameof(FactsInATranslation))]
    public void Load_FactInATranslation_IsAnErrorAtItsLineInThatFile(string french, string marker, string message)
    {
        CopyRealKnowledge();
        File.WriteAllText(FrenchPath, french);

        var result = KnowledgeLoader.Load(FactsPath, Options, "fr");

        Assert.True(result.HasErrors);
        var issue = Assert.Single(result.Report.Errors);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
        Assert.Equal(FrenchPath, issue.File);
        Assert.Equal(MinimalKnowledge.LineOf(french, marker), issue.Line);
        Assert.Equal(MinimalKnowledge.ColumnOf(french, marker), issue.Column);
    }

    [Fact]
    public void Load_TranslationWithMatcherWords_ReadsFrenchQuestionsWithThemAndEnglishWithEnglishOnes()
    {
        CopyRealKnowledge();
        File.WriteAllText(FrenchPath, "matcher:\n  stopWords: [le, la, les, de]\n  synonyms:\n    - canonical: cost\n      variants: [prix, tarif, coute]\n    - canonical: examen\n      variants: [epreuve]\n");

        var french = KnowledgeLoader.Load(FactsPath, Options, "fr");
        var english = KnowledgeLoader.Load(FactsPath, Options);

        Assert.False(french.HasErrors, french.Report.Format());
        var lexicon = french.Knowledge!.Lexicon;
        Assert.Equal(["le", "la", "les", "de"], lexicon.StopWords);
        // A word list the translation leaves out is English's; a synonym group merges by its canonical word.
        Assert.Equal(english.Knowledge!.Lexicon.AskingWords, lexicon.AskingWords);
        Assert.Equal(["prix", "tarif", "coute"], lexicon.Synonyms.Single(g => g.Canonical == "cost").Variants);
        Assert.Equal(["epreuve"], lexicon.Synonyms.Single(g => g.Canonical == "examen").Variants);
        Assert.Equal(english.Knowledge.Lexicon.Synonyms.Single(g => g.Canonical == "hard").Variants, lexicon.Synonyms.Single(g => g.Canonical == "hard").Variants);
        Assert.Contains("the", english.Knowledge.Lexicon.StopWords);
        Assert.Contains("price", english.Knowledge.Lexicon.Synonyms.Single(g => g.Canonical == "cost").Variants);
    }

    [Fact]
    public void Load_MatcherWordsInTheFactsFileOfASplitKnowledge_IsAnErrorNamingTheEnglishFile()
    {
        CopyRealKnowledge();
        var facts = File.ReadAllText(FactsPath) + "\nmatcher:\n  stopWords: [the, a]\n";
        File.WriteAllText(FactsPath, facts);

        var result = KnowledgeLoader.Load(FactsPath, Options);

        var issue = Assert.Single(result.Report.Errors);
        Assert.Contains("'matcher.stopWords' is text: the words the FAQ matcher reads English questions with belong in knowledge.en.yaml", issue.Message, StringComparison.Ordinal);
        Assert.Equal(FactsPath, issue.File);
        Assert.Equal(MinimalKnowledge.LineOf(facts, "  stopWords: [the, a]"), issue.Line);
    }

    [Fact]
    public void Load_TranslatedAnswerBreaksARule_IsReportedInTheTranslation()
    {
        CopyRealKnowledge();
        File.WriteAllText(FrenchPath, "faqs:\n  - id: exam-cost\n    answer: |\n      # Combien ?\n      Beaucoup.\n");

        var result = KnowledgeLoader.Load(FactsPath, Options, "fr");

        var issue = Assert.Single(result.Report.Errors);
        Assert.Contains("markdown header", issue.Message, StringComparison.Ordinal);
        Assert.Equal(FrenchPath, issue.File);
        Assert.Equal(3, issue.Line);
    }

    [Fact]
    public void Load_TextInTheFactsFileOfASplitKnowledge_IsAnErrorNamingTheEnglishFile()
    {
        CopyRealKnowledge();
        var facts = File.ReadAllText(FactsPath).Replace("  - id: exam-cost\n", "  - id: exam-cost\n    title: Costs\n", StringComparison.Ordinal);
        File.WriteAllText(FactsPath, facts);

        var result = KnowledgeLoader.Load(FactsPath, Options);

        var issue = Assert.Single(result.Report.Errors);
        Assert.Contains("'title' of FAQ 'exam-cost' is text: it belongs in knowledge.en.yaml", issue.Message, StringComparison.Ordinal);
        Assert.Equal(FactsPath, issue.File);
        Assert.Equal(MinimalKnowledge.LineOf(facts, "    title: Costs"), issue.Line);
    }

    [Fact]
    public void Load_EnglishTextMissing_IsAnErrorSayingWhereItBelongs()
    {
        CopyRealKnowledge();
        var englishPath = Path.Combine(_folder.FullName, "knowledge.en.yaml");
        var english = File.ReadAllText(englishPath);
        var answer = english.IndexOf("    answer: |\n      Exam fees as last checked:", StringComparison.Ordinal);
        var end = english.IndexOf("\n    sources:", answer, StringComparison.Ordinal);
        File.WriteAllText(englishPath, english.Remove(answer, end + 1 - answer));

        var result = KnowledgeLoader.Load(FactsPath, Options);

        var issue = Assert.Single(result.Report.Errors);
        Assert.Equal("Missing required field 'answer' in FAQ 'exam-cost'; its English text belongs in knowledge.en.yaml.", issue.Message);
        Assert.Equal(FactsPath, issue.File);
        Assert.Equal(MinimalKnowledge.LineOf(File.ReadAllText(FactsPath), "  - id: exam-cost"), issue.Line);
    }

    [Fact]
    public void Load_TranslationWordsWhatEnglishLacks_IsAWarning()
    {
        CopyRealKnowledge();
        File.WriteAllText(FrenchPath, "faqs:\n  - id: exam-cost\n    forProfile: \"Pour vous : {credential}.\"\n");

        var result = KnowledgeLoader.Load(FactsPath, Options, "fr");

        Assert.False(result.HasErrors, result.Report.Format());
        var warning = Assert.Single(result.Report.Warnings);
        Assert.Contains("'forProfile' of FAQ 'exam-cost' is in knowledge.fr.yaml but not in the English text", warning.Message, StringComparison.Ordinal);
        Assert.Equal(FrenchPath, warning.File);
    }

    [Fact]
    public void LoadAll_TwoLanguages_OneKnowledgeEachAndEveryIssueOnce()
    {
        CopyRealKnowledge();
        File.WriteAllText(FrenchPath, "faqs:\n  - id: exam-cost\n    title: Ce que coûtent les examens\n");
        // Stale facts are a warning in every language's load: the report says so once.
        var options = Options with { StaleAfterDays = 1 };

        var result = KnowledgeLoader.LoadAll(FactsPath, options);
        var single = KnowledgeLoader.Load(FactsPath, options);

        Assert.False(result.HasErrors, result.Report.Format());
        Assert.Equal(["en", "fr"], result.Knowledge!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ce que coûtent les examens", result.Knowledge["fr"].FindFaq("exam-cost")!.Title);
        Assert.Equal("What the exams cost", result.Knowledge["en"].FindFaq("exam-cost")!.Title);
        Assert.NotEmpty(single.Report.Warnings);
        Assert.Equal(single.Report.Issues, result.Report.Issues);
    }

    [Fact]
    public void Load_FeeWithoutCostWording_IsTheCostAndItsShortForm()
    {
        File.WriteAllText(FactsPath, MinimalKnowledge.With("    cost: USD 1\n", "    fee: USD 5\n").Replace("    costShort: USD 1\n", "", StringComparison.Ordinal));

        var result = KnowledgeLoader.Load(FactsPath, Options);

        Assert.False(result.HasErrors, result.Report.Format());
        var credential = result.Knowledge!.FindCredential("new-exam")!;
        Assert.Equal(("USD 5", "USD 5", "USD 5"), (credential.Fee, credential.Cost, credential.CostShort));
    }

    [Fact]
    public void Load_CostWordingWithTheFee_FillsItIn()
    {
        File.WriteAllText(FactsPath, MinimalKnowledge.With("    cost: Was USD 1\n", "    fee: USD 7\n    cost: \"Was {fee}\"\n"));
        File.WriteAllText(FrenchPath, "credentials:\n  - id: old-exam\n    cost: \"Coûtait {fee}\"\n");

        var result = KnowledgeLoader.Load(FactsPath, Options, "fr");

        Assert.False(result.HasErrors, result.Report.Format());
        Assert.Equal("Coûtait USD 7", result.Knowledge!.FindCredential("old-exam")!.Cost);
        Assert.Null(result.Knowledge.FindCredential("old-exam")!.CostShort);
    }

    [Theory]
    [InlineData("    fee: 200 dollars\n", "must be a currency code and an amount")]
    [InlineData("    cost: \"Was {fee}\"\n", "uses {fee}, but the credential has no 'fee'")]
    [InlineData("", "Missing required field 'cost' in credential 'old-exam' (or a 'fee')")]
    public void Load_FeeOrCostWrong_IsAnError(string replacement, string message)
    {
        File.WriteAllText(FactsPath, MinimalKnowledge.With("    cost: Was USD 1\n", replacement));

        var result = KnowledgeLoader.Load(FactsPath, Options);

        Assert.Contains(result.Report.Errors, issue => issue.Message.Contains(message, StringComparison.Ordinal));
    }

    private void CopyRealKnowledge()
    {
        foreach (var name in new[] { "knowledge.yaml", "knowledge.en.yaml" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "dialogs", name), Path.Combine(_folder.FullName, name));
        }
    }
}
