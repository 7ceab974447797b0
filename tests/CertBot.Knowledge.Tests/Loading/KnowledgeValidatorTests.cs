using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests.Loading;

public sealed class KnowledgeValidatorTests
{
    private static readonly KnowledgeValidationOptions Options = new()
    {
        Clock = TestClock.At(new DateOnly(2026, 11, 23)),
        MaxAnswerChars = 200,
        StaleAfterDays = 365,
    };

    private static KnowledgeLoadResult Parse(string yaml) => KnowledgeLoader.Parse(yaml, "k.yaml", Options);

    private static ValidationIssue Single(KnowledgeLoadResult result, string messagePart)
    {
        var matches = result.Report.Issues.Where(i => i.Message.Contains(messagePart, StringComparison.Ordinal)).ToArray();
        Assert.True(matches.Length == 1, $"expected one issue containing '{messagePart}', got:\n{result.Report.Format()}");
        return matches[0];
    }

    [Fact]
    public void Parse_MinimalFile_HasNoIssues()
    {
        var result = Parse(MinimalKnowledge.Yaml);

        Assert.True(result.Report.Issues.Count == 0, result.Report.Format());
        Assert.NotNull(result.Knowledge);
        Assert.False(result.HasErrors);
    }

    public static TheoryData<string, string, string, string> PositionedErrors() => new()
    {
        // find, replace, marker whose line the issue must point at, message fragment
        { "    name: New Exam\n", string.Empty, "  - id: new-exam", "Missing required field 'name'" },
        { "  - id: faq-b", "  - id: faq-a", "  - id: faq-a#2", "Duplicate FAQ id 'faq-a'" },
        { "related: [faq-b]", "related: [faq-zzz]", "related: [faq-zzz]", "'faq-zzz', which is not a known FAQ id" },
        { "relatedCredentials: [new-exam]", "relatedCredentials: [ghost]", "relatedCredentials: [ghost]", "credential 'ghost'" },
        { "successor: new-exam", "successor: newer-exam", "successor: newer-exam", "successor 'newer-exam'" },
        { "    retiredOn: 2026-01-01\n", string.Empty, "status: retired", "no 'retiredOn' date" },
        { "    successor: new-exam\n", string.Empty, "status: retired", "names no 'successor'" },
        { "      gcp: new-exam\n  - persona: data-scientist", "      gcp: old-exam\n  - persona: data-scientist", "gcp: old-exam", "but that credential is retired" },
        { "        course: course-a\n        text: Take it.\n      - kind: credential", "        course: course-zz\n        text: Take it.\n      - kind: credential", "course: course-zz", "course 'course-zz'" },
        { "personas: [software-engineer, data-scientist]", "personas: [software-engineer, manager]", "personas: [software-engineer, manager]", "Unknown value 'manager'" },
        { "kind: vendor-exam\n    platform: gcp\n    status: active", "kind: exam\n    platform: gcp\n    status: active", "kind: exam", "Unknown value 'exam' for 'kind'" },
        { "officialLink: https://example.com/new", "officialLink: http://example.com/new", "officialLink: http://example.com/new", "must be an absolute https URL" },
        { "url: https://example.com/a", "url: not a url", "url: not a url", "must be an absolute https URL" },
        { "answer: A is **a**.", "answer: \"# Title\\nA\"", "answer: \"# Title", "markdown header" },
        { "answer: A is **a**.", "answer: \"see [here](http://x.example)\"", "answer: \"see [here]", "not an absolute https URL" },
        { "answer: A is **a**.", "answer: \"" + new string('x', 201) + "\"", "answer: \"xxx", "card budget is 200" },
        { "lastVerified: 2026-11-01\n  - id: faq-b", "lastVerified: 2026-13-01\n  - id: faq-b", "lastVerified: 2026-13-01", "must be a date" },
        { "\n  specialty: 2", string.Empty, "foundational: 0", "typical ML years for level 'specialty'" },
        { "  professional: 3\n", "  professional: 0.5\n", "professional: 0.5", "'professional' must not be below those of an easier level" },
        { "  associate: 1\n", "  associate: 1\n  expert: 4\n", "expert: 4", "Unknown field 'expert' in typicalExperience" },
        { "    question: What is A?", "    questoin: What is A?", "questoin:", "Unknown field 'questoin'" },
        { "    title: About B\n", string.Empty, "  - id: faq-b", "FAQ 'faq-b' has no title" },
        { "title: About A", "title: \"\"", "title: \"\"", "FAQ 'faq-a' has no title" },
        { "title: About A", "title: " + new string('t', 41), "title: ttt", "FAQ 'faq-a' has a title of 41 characters; buttons show at most 40" },
        { "    track: ml-engineering\n    vendor: Acme\n    kind: vendor-exam\n    platform: gcp\n    status: active", "    vendor: Acme\n    kind: vendor-exam\n    platform: gcp\n    status: active", "  - id: new-exam", "Missing required field 'track'" },
        { "level: associate", "level: expert", "level: expert", "Unknown value 'expert' for 'level'" },
        { "track: related", "track: side", "track: side", "Unknown value 'side' for 'track'" },
        { "gcp: new-exam\nhiringSignals:", "gcp: new-exam\n      aws: side-exam\nhiringSignals:", "aws: side-exam", "on the related track" },
        { "status: active\n    experience:\n      description: None published.", "status: unconfirmed\n    retiredOn: 2026-06-30\n    experience:\n      description: None published.", "retiredOn: 2026-06-30", "unconfirmed status but a 'retiredOn' date" },
        { "  - id: retakes", "  - id: passing-score", "  - id: passing-score#2", "Duplicate detail id 'passing-score'" },
        { "phrases: [retake]", "phrases: []", "phrases: []", "Detail 'retakes' has no phrases" },
        { "phrases: [retake]", "phrases: [retake]\n    unknownExamCodes: true", "unknownExamCodes: true", "Detail 'retakes' is asked by unknown exam codes but not 'heldNowhere'" },
        { "phrases: [retake]", "phrases: [\"\"]", "phrases: [\"\"]", "Each entry of 'phrases' in detail 'retakes' must be non-empty text" },
        { "    label: the retake policy\n", string.Empty, "  - id: retakes", "Missing required field 'label' in detail 'retakes'" },
        { "    label: the passing score\n    phrases: [passing score, pass mark]\n", "    label: the passing score\n", "  - id: passing-score", "Missing required field 'phrases' in detail 'passing-score'" },
        { "notCovered: [retakes]", "notCovered: [resits]", "notCovered: [resits]", "Credential 'new-exam' lists 'resits' as not covered, which is not a known detail id" },
        { "notCovered: [passing-score]", "notCovered: [pass-score]", "notCovered: [pass-score]", "FAQ 'faq-a' lists 'pass-score' as not covered, which is not a known detail id" },
        { "notCovered: [passing-score]", "notCovered: [passing-score]\n    versionOf: faq-z", "versionOf: faq-z", "FAQ 'faq-a' is a version of 'faq-z', which is not another known FAQ id" },
        { "notCovered: [passing-score]", "notCovered: [passing-score]\n    versionOf: faq-a", "versionOf: faq-a", "FAQ 'faq-a' is a version of 'faq-a', which is not another known FAQ id" },
        { "notCovered: [passing-score]", "notCovered: [passing-score]\n    overviewOf: [no-such-exam]", "overviewOf: [no-such-exam]", "FAQ 'faq-a' introduces credential 'no-such-exam', which is not a known credential id" },
        { "phrases: [retake]", "phrases: [retake]\n    together:\n      - any: [acme]", "any: [acme]", "Missing required field 'with'" },
        { "  - id: passing-score\n    label: the passing score\n    phrases: [passing score, pass mark]\n", string.Empty, "notCovered: [passing-score]", "FAQ 'faq-a' lists 'passing-score' as not covered" },
    };

    [Theory]
    [MemberData(nameof(PositionedErrors))]
    public void Parse_BrokenFile_ReportsErrorAtTheRightLine(string find, string replace, string marker, string message)
    {
        var yaml = MinimalKnowledge.With(find, replace);

        var result = Parse(yaml);

        var issue = Single(result, message);
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.Equal("k.yaml", issue.File);
        Assert.Equal(MinimalKnowledge.LineOf(yaml, marker), issue.Line);
        Assert.True(issue.Column >= 1);
        Assert.Null(result.Knowledge);
    }

    [Fact]
    public void Parse_TitleOfExactlyTheLimit_HasNoIssues()
    {
        var yaml = MinimalKnowledge.With("title: About A", "title: " + new string('t', FaqEntry.MaxTitleLength));

        var result = Parse(yaml);

        Assert.True(result.Report.Issues.Count == 0, result.Report.Format());
    }

    [Fact]
    public void Parse_UnknownEnumValue_PointsAtTheValueColumn()
    {
        var yaml = MinimalKnowledge.With("status: active\n    experience:\n      mlYears: 1", "status: actve\n    experience:\n      mlYears: 1");

        var issue = Single(Parse(yaml), "Unknown value 'actve'");

        Assert.Equal(MinimalKnowledge.LineOf(yaml, "status: actve"), issue.Line);
        Assert.Equal(MinimalKnowledge.ColumnOf(yaml, "actve"), issue.Column);
    }

    [Fact]
    public void Parse_PathToUnconfirmedCredential_ReportsIt()
    {
        var yaml = MinimalKnowledge.With("gcp: new-exam\nhiringSignals:", "gcp: new-exam\n      aws: side-exam\nhiringSignals:")
            .Replace("    track: related\n", "    track: ml-engineering\n", StringComparison.Ordinal)
            .Replace("status: active\n    experience:\n      description: None published.", "status: unconfirmed\n    experience:\n      description: None published.", StringComparison.Ordinal);

        var issue = Single(Parse(yaml), "its status is unconfirmed");

        Assert.Equal(MinimalKnowledge.LineOf(yaml, "aws: side-exam"), issue.Line);
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var yaml = MinimalKnowledge.With("related: [faq-b]", "related: [nope]")
            .Replace("relatedCredentials: [new-exam]", "relatedCredentials: [ghost]", StringComparison.Ordinal)
            .Replace("successor: new-exam", "successor: missing", StringComparison.Ordinal);

        var result = Parse(yaml);

        Assert.Equal(3, result.Report.Errors.Count());
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsPosition()
    {
        var yaml = MinimalKnowledge.With("    name: New Exam\n", "    name: [New Exam\n");

        var result = Parse(yaml);

        var issue = Assert.Single(result.Report.Issues);
        Assert.StartsWith("YAML syntax error", issue.Message, StringComparison.Ordinal);
        Assert.True(issue.Line >= MinimalKnowledge.LineOf(yaml, "name: [New Exam"));
        Assert.Null(result.Knowledge);
    }

    [Fact]
    public void Parse_DuplicateYamlKey_ReportsSyntaxErrorAtTheKey()
    {
        var yaml = MinimalKnowledge.With("    vendor: Acme\n    kind: vendor-exam\n    platform: gcp\n    status: active", "    vendor: Acme\n    vendor: Other\n    kind: vendor-exam\n    platform: gcp\n    status: active");

        var issue = Assert.Single(Parse(yaml).Report.Issues);

        Assert.Equal(MinimalKnowledge.LineOf(yaml, "vendor: Other"), issue.Line);
    }

    [Fact]
    public void Parse_StaleEntry_IsAWarningAndStillLoads()
    {
        var yaml = MinimalKnowledge.With("lastVerified: 2026-11-01\n  - id: faq-b", "lastVerified: 2025-01-01\n  - id: faq-b");

        var result = Parse(yaml);

        var issue = Single(result, "last verified on 2025-01-01");
        Assert.Equal(ValidationSeverity.Warning, issue.Severity);
        Assert.Equal(MinimalKnowledge.LineOf(yaml, "lastVerified: 2025-01-01"), issue.Line);
        Assert.NotNull(result.Knowledge);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(300, true)]
    public void Parse_StaleAfterDays_IsConfigurable(int days, bool expectWarning)
    {
        var yaml = MinimalKnowledge.With("lastVerified: 2026-11-01\n  - id: faq-b", "lastVerified: 2025-11-01\n  - id: faq-b");

        var result = KnowledgeLoader.Parse(yaml, "k.yaml", Options with { StaleAfterDays = days });

        Assert.Equal(expectWarning, result.Report.Warnings.Any());
    }

    [Fact]
    public void Format_Report_UsesCompilerStylePositions()
    {
        var yaml = MinimalKnowledge.With("related: [faq-b]", "related: [nope]");

        var text = Parse(yaml).Report.Format();

        Assert.Contains($"k.yaml({MinimalKnowledge.LineOf(yaml, "related: [nope]")},", text, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 0 warning(s).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ReportsErrorInsteadOfThrowing()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml"), Options);

        Assert.True(result.HasErrors);
        Assert.Null(result.Knowledge);
    }
}
