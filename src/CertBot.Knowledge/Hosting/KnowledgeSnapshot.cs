using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Text;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// One consistent generation of knowledge in one language with the matcher and recommender built for it; swapped as a
/// whole, with the other languages of its generation (<see cref="KnowledgeGeneration"/>).
/// </summary>
public sealed record KnowledgeSnapshot(KnowledgeBase Knowledge, FaqMatcher Matcher, Recommender Recommender, DateTimeOffset LoadedAt)
{
    /// <summary>The locale whose text this snapshot speaks ("en", "fr"); its facts are those of every other locale.</summary>
    public string Locale { get; init; } = CatalogueLocale.Default;

    /// <summary>The entry embeddings of this generation, from this locale's phrasings; null until they are built in the background, or when semantic matching is off.</summary>
    public FaqSemanticIndex? Semantic { get; init; }

    /// <summary>Which credential a question names.</summary>
    public CredentialMentions Mentions { get; init; } = new(Knowledge);

    /// <summary>Which vendors each FAQ entry is about.</summary>
    public FaqScopes Scopes => _scopes ??= new FaqScopes(Knowledge, Mentions);

    /// <summary>Finds questions for details this generation does not hold.</summary>
    public DetailGapFinder Gaps => _gaps ??= new DetailGapFinder(Knowledge, Mentions);

    /// <summary>The lexicon's referring words as a set, for the question focus of long messages.</summary>
    public IReadOnlySet<string> ReferringWords => _referring ??= new HashSet<string>(Knowledge.Lexicon.ReferringWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>Recognises "what is AI-103?" questions and the entry that introduces the credential.</summary>
    public CredentialOverviewQuestion Overviews => _overviews ??= new CredentialOverviewQuestion(Knowledge, Mentions);

    /// <summary>Replaces the credential a question names by "exam", so what it asks about the credential can be matched.</summary>
    public CredentialNameMask NameMask => _nameMask ??= new CredentialNameMask(Knowledge, Mentions);

    /// <summary>Finds exam codes a question names that this generation does not know.</summary>
    public UnknownExamCodes UnknownCodes => _unknownCodes ??= new UnknownExamCodes(Knowledge, Mentions);

    private DetailGapFinder? _gaps;
    private UnknownExamCodes? _unknownCodes;
    private CredentialNameMask? _nameMask;
    private CredentialOverviewQuestion? _overviews;
    private HashSet<string>? _referring;
    private FaqScopes? _scopes;
}
