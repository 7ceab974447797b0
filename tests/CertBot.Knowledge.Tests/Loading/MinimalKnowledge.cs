namespace CertBot.Knowledge.Tests.Loading;

/// <summary>A small valid knowledge file; tests break one thing in it and check the reported position.</summary>
internal static class MinimalKnowledge
{
    public const string Yaml = """
        version: "t1"
        lastReviewed: 2026-11-01
        credentials:
          - id: new-exam
            name: New Exam
            level: associate
            track: ml-engineering
            vendor: Acme
            kind: vendor-exam
            platform: gcp
            status: active
            experience:
              mlYears: 1
              description: One year.
            covers: [things]
            format: Proctored.
            cost: USD 1
            preparationTime: A month
            shortName: New exam
            costShort: USD 1
            preparationShort: A month
            notCovered: [retakes]
            officialLink: https://example.com/new
            sources:
              - title: Acme page
                url: https://example.com/new
            lastVerified: 2026-11-01
          - id: old-exam
            name: Old Exam
            level: specialty
            track: ml-engineering
            vendor: Acme
            kind: vendor-exam
            platform: gcp
            status: retired
            retiredOn: 2026-01-01
            successor: new-exam
            experience:
              description: None.
            covers: [things]
            format: Was proctored.
            cost: Was USD 1
            preparationTime: n/a
            officialLink: https://example.com/old
            sources:
              - title: Acme page
                url: https://example.com/old
            lastVerified: 2026-11-01
          - id: side-exam
            name: Side Exam
            level: foundational
            track: related
            vendor: Acme
            kind: vendor-exam
            platform: aws
            status: active
            experience:
              description: None published.
            covers: [basics]
            format: Proctored.
            cost: USD 2
            preparationTime: A week
            officialLink: https://example.com/side
            sources:
              - title: Acme page
                url: https://example.com/side
            lastVerified: 2026-11-01
        courses:
          - id: course-a
            title: Course A
            provider: Acme
            rating: 9.5
            teaches: Things.
            personas: [software-engineer, data-scientist]
        paths:
          - persona: software-engineer
            summary: Learn.
            steps:
              - kind: course
                course: course-a
                text: Take it.
              - kind: credential
                text: Sit it.
            credentialByCloud:
              gcp: new-exam
          - persona: data-scientist
            summary: Ship.
            steps:
              - kind: course
                course: course-a
                text: Take it.
            credentialByCloud:
              gcp: new-exam
          - persona: ml-practitioner
            summary: Certify.
            steps:
              - kind: practice
                text: Practice.
            credentialByCloud:
              gcp: new-exam
        hiringSignals:
          - id: portfolio
            signal: Projects
            advice: Build.
            appliesTo: [software-engineer]
        faqs:
          - id: faq-a
            question: What is A?
            title: About A
            alternatives: [Tell me about A]
            answer: A is **a**.
            related: [faq-b]
            relatedCredentials: [new-exam]
            notCovered: [passing-score]
            sources:
              - title: Acme page
                url: https://example.com/a
            lastVerified: 2026-11-01
          - id: faq-b
            question: What is B?
            title: About B
            answer: B is _b_.
            sources:
              - title: Curated article
            lastVerified: 2026-11-01
        details:
          - id: passing-score
            label: the passing score
            phrases: [passing score, pass mark]
          - id: retakes
            label: the retake policy
            phrases: [retake]
        typicalExperience:
          foundational: 0
          associate: 1
          professional: 3
          specialty: 2
        """;

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/> in <paramref name="yaml"/>.</summary>
    /// <remarks>A marker ending in "#2" means its second occurrence.</remarks>
    public static int LineOf(string yaml, string marker)
    {
        var skip = marker.EndsWith("#2", StringComparison.Ordinal) ? 1 : 0;
        marker = skip == 1 ? marker[..^2] : marker;
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal) && skip-- == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"marker '{marker}' not in fixture");
    }

    /// <summary>The 1-based column where <paramref name="marker"/> starts on its line.</summary>
    public static int ColumnOf(string yaml, string marker) =>
        yaml.Split('\n')[LineOf(yaml, marker) - 1].IndexOf(marker, StringComparison.Ordinal) + 1;

    /// <summary>Replaces exactly one occurrence, failing the test if the fixture changed.</summary>
    public static string With(string find, string replace)
    {
        var index = Yaml.IndexOf(find, StringComparison.Ordinal);
        if (index < 0 || Yaml.IndexOf(find, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{find}' must occur exactly once in the fixture");
        }

        return string.Concat(Yaml.AsSpan(0, index), replace, Yaml.AsSpan(index + find.Length));
    }
}
