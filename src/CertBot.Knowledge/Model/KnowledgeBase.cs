using System.Collections.Frozen;

namespace CertBot.Knowledge.Model;

/// <summary>One immutable, validated snapshot of the curated knowledge in one language: its facts with that language's text.</summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, Credential> _credentials;
    private readonly FrozenDictionary<string, Course> _courses;
    private readonly FrozenDictionary<string, FaqEntry> _faqs;
    private readonly FrozenDictionary<string, DetailTopic> _details;

    /// <summary>Builds the snapshot; lookups tolerate duplicate ids (the validator reports them) by keeping the first.</summary>
    /// <param name="details">The details the knowledge may not hold; optional so callers built before it existed still compile.</param>
    /// <param name="typicalMlYears">Typical ML years per level (the file's typicalExperience); optional for the same reason.</param>
    public KnowledgeBase(
        string version,
        DateOnly lastReviewed,
        IReadOnlyList<Credential> credentials,
        IReadOnlyList<Course> courses,
        IReadOnlyList<LearningPath> paths,
        IReadOnlyList<HiringSignal> hiringSignals,
        IReadOnlyList<FaqEntry> faqs,
        MatcherLexicon lexicon,
        IReadOnlyList<DetailTopic>? details = null,
        IReadOnlyDictionary<CredentialLevel, decimal>? typicalMlYears = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(courses);
        ArgumentNullException.ThrowIfNull(faqs);
        Version = version;
        LastReviewed = lastReviewed;
        Credentials = credentials;
        Courses = courses;
        Paths = paths;
        HiringSignals = hiringSignals;
        Faqs = faqs;
        Lexicon = lexicon;
        Details = details ?? [];
        TypicalMlYears = typicalMlYears ?? new Dictionary<CredentialLevel, decimal>();
        _credentials = FirstById(credentials, c => c.Id);
        _courses = FirstById(courses, c => c.Id);
        _faqs = FirstById(faqs, f => f.Id);
        _details = FirstById(Details, d => d.Id);
    }

    /// <summary>The file's own version label.</summary>
    public string Version { get; }

    /// <summary>When a curator last reviewed the whole file.</summary>
    public DateOnly LastReviewed { get; }

    /// <summary>Vendor exams and course certificates, including retired ones (for successor notes).</summary>
    public IReadOnlyList<Credential> Credentials { get; }

    /// <summary>The curated course catalogue.</summary>
    public IReadOnlyList<Course> Courses { get; }

    /// <summary>One learning path per persona.</summary>
    public IReadOnlyList<LearningPath> Paths { get; }

    /// <summary>What hiring managers weigh, highest first.</summary>
    public IReadOnlyList<HiringSignal> HiringSignals { get; }

    /// <summary>The curated FAQ.</summary>
    public IReadOnlyList<FaqEntry> Faqs { get; }

    /// <summary>Synonyms and stop words for the FAQ matcher.</summary>
    public MatcherLexicon Lexicon { get; }

    /// <summary>Details people ask about that entries may not hold; entries name the missing ones in <c>NotCovered</c>.</summary>
    public IReadOnlyList<DetailTopic> Details { get; }

    /// <summary>
    /// Typical years of ML experience per credential level, used to estimate readiness where a vendor publishes no
    /// figure; the validator requires every level.
    /// </summary>
    public IReadOnlyDictionary<CredentialLevel, decimal> TypicalMlYears { get; }

    /// <summary>The credential with this id, or null.</summary>
    public Credential? FindCredential(string id) => _credentials.GetValueOrDefault(id);

    /// <summary>The course with this id, or null.</summary>
    public Course? FindCourse(string id) => _courses.GetValueOrDefault(id);

    /// <summary>The FAQ entry with this id, or null.</summary>
    public FaqEntry? FindFaq(string id) => _faqs.GetValueOrDefault(id);

    /// <summary>The detail topic with this id, or null.</summary>
    public DetailTopic? FindDetail(string id) => _details.GetValueOrDefault(id);

    /// <summary>The learning path for a persona, or null.</summary>
    public LearningPath? FindPath(Role persona)
    {
        foreach (var path in Paths)
        {
            if (path.Persona == persona)
            {
                return path;
            }
        }

        return null;
    }

    private static FrozenDictionary<string, T> FirstById<T>(IReadOnlyList<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
