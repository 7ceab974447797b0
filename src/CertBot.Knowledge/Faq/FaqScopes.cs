using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Which vendor each FAQ entry is about: the credential its own question names ("How long does it take to prepare for
/// the Google Professional ML Engineer certification?" is Google's; "What is the exam format?" is everyone's).
/// "How long is the AWS exam?" has a general entry and an AWS one; the scope tells the matcher to prefer the entry for
/// the vendor the question names, and the general entry when it names none.
/// </summary>
public sealed class FaqScopes
{
    private readonly Dictionary<string, HashSet<string>> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _credentials = new(StringComparer.Ordinal);

    private readonly KnowledgeBase _knowledge;

    public FaqScopes(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _knowledge = knowledge;
        foreach (var entry in knowledge.Faqs)
        {
            var mention = mentions.FindMention(entry.Question);
            _vendors[entry.Id] = mention is null ? [] : new HashSet<string>([mention.Credential.Vendor], StringComparer.OrdinalIgnoreCase);
            // Which exam of the vendor: the one the question names, or the related ones of that vendor when it names the vendor only.
            var related = entry.RelatedCredentials.Select(knowledge.FindCredential).OfType<Credential>()
                .Where(c => mention is not null && string.Equals(c.Vendor, mention.Credential.Vendor, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Id);
            _credentials[entry.Id] = new HashSet<string>(mention is { Explicit: true } ? [mention.Credential.Id] : related, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The entry suits the question: a vendor's entry when the question names that vendor (and, named by code, that
    /// exam); a general entry when it names none, or when no vendor has its own version of the entry (a topic such as
    /// "do I need a cert to get hired" is the same for every vendor). Versions are told by the embedding: a vendor
    /// entry whose centroid is within <see cref="SemanticMatchOptions.VariantSimilarity"/> of the general one.
    /// </summary>
    public bool Fits(FaqEntry entry, CredentialMention? mention, FaqSemanticIndex? index, SemanticMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var vendors = VendorsOf(entry);
        if (mention is null)
        {
            return vendors.Count == 0;
        }

        if (vendors.Count == 0)
        {
            return index is null || !_knowledge.Faqs.Any(other => VendorsOf(other).Contains(mention.Credential.Vendor)
                && index.Similarity(entry, other) >= options.VariantSimilarity);
        }

        return vendors.Count == 1
            && vendors.Contains(mention.Credential.Vendor)
            && (!mention.Explicit || CredentialsOf(entry).Count == 0 || CredentialsOf(entry).Contains(mention.Credential.Id));
    }

    /// <summary>
    /// The version of <paramref name="entry"/> that suits the question: the entry itself when it fits, otherwise the
    /// fitting entry closest to it among its versions (centroids within <see cref="SemanticMatchOptions.VariantSimilarity"/>),
    /// so "prep time for AI-103" answered with the general preparation entry becomes the Azure one.
    /// </summary>
    public FaqEntry Resolve(FaqEntry entry, CredentialMention? mention, FaqSemanticIndex? index, SemanticMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        if (index is null || Fits(entry, mention, index, options))
        {
            return entry;
        }

        return _knowledge.Faqs
            .Where(other => other.Id != entry.Id && Fits(other, mention, index, options))
            .Select(other => (Entry: other, Similarity: index.Similarity(entry, other)))
            .Where(p => p.Similarity >= options.VariantSimilarity)
            .OrderByDescending(p => p.Similarity)
            .Select(p => p.Entry)
            .FirstOrDefault() ?? entry;
    }

    private HashSet<string> CredentialsOf(FaqEntry entry) =>
        _credentials.TryGetValue(entry.Id, out var credentials) ? credentials : [];

    private HashSet<string> VendorsOf(FaqEntry entry) =>
        _vendors.TryGetValue(entry.Id, out var vendors) ? vendors : [];
}
