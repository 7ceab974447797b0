using CertBot.Knowledge.Model;

namespace CertBot.Benchmarks;

/// <summary>Deterministic synthetic FAQ entries built from the real file's words, for scaling measurements.</summary>
internal static class GeneratedFaqs
{
    public static IReadOnlyList<FaqEntry> Create(int count, KnowledgeBase seed)
    {
        var words = seed.Faqs
            .SelectMany(f => (f.Question + " " + string.Join(' ', f.Alternatives) + " " + f.Answer)
                .Split([' ', '\n', ',', '.', '?', '(', ')', '*', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.ToLowerInvariant())
            .Distinct()
            .ToArray();
        var random = new Random(20261123);
        string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));

        var entries = new List<FaqEntry>(count);
        entries.AddRange(seed.Faqs);
        for (var i = entries.Count; i < count; i++)
        {
            entries.Add(new FaqEntry(
                $"generated-{i}",
                Sentence(random.Next(6, 14)) + "?",
                [.. Enumerable.Range(0, 4).Select(_ => Sentence(random.Next(4, 10)))],
                Sentence(random.Next(40, 90)),
                [],
                [],
                [],
                new DateOnly(2026, 11, 23))
            {
                Title = $"Generated question {i}",
            });
        }

        return entries;
    }
}
