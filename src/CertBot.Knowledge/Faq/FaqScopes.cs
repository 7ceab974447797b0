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

    public FaqScopes(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var entry in knowledge.Faqs)
        {
            var mention = mentions.FindMention(entry.Question);
            _vendors[entry.Id] = mention is null ? [] : new HashSet<string>([mention.Credential.Vendor], StringComparer.OrdinalIgnoreCase);
            // Which exam of the vendor: the one the question names, or the related ones of that vendor when it names the vendor only.
            var related = entry.RelatedCredentials.Select(knowledge.FindCredential).OfType<Credential>()
                .Where(c => mention is not null && string.Equals(c.Vendor, mention.Credential.Vendor, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Id);
            _credentials[entry.Id] = new HashSet<string>(mention is { Explicit: true } ? [mention.Credential.Id, .. related] : related, StringComparer.Ordinal);
        }
    }

    /// <summary>The entry is about one vendor only.</summary>
    public bool IsVendorSpecific(FaqEntry entry) => VendorsOf(entry).Count == 1;

    /// <summary>The entry is about exactly what the question names: the vendor of <paramref name="mention"/>, or no vendor when null.</summary>
    public bool Fits(FaqEntry entry, CredentialMention? mention)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var vendors = VendorsOf(entry);
        return mention is null ? vendors.Count == 0 : vendors.Count == 1 && vendors.Contains(mention.Credential.Vendor);
    }

    /// <summary>How much to shift an entry's similarity for a question naming <paramref name="mention"/>.</summary>
    public float Adjustment(FaqEntry entry, CredentialMention? mention, SemanticMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var vendors = VendorsOf(entry);
        if (mention is null)
        {
            return vendors.Count == 1 ? -(float)options.UnnamedVendorPenalty : 0;
        }

        var adjustment = 0f;
        if (vendors.Count == 1)
        {
            adjustment += vendors.Contains(mention.Credential.Vendor) ? (float)options.NamedVendorBonus : -(float)options.OtherVendorPenalty;
        }

        if (mention.Explicit && _credentials.TryGetValue(entry.Id, out var credentials) && credentials.Contains(mention.Credential.Id))
        {
            adjustment += (float)options.NamedCredentialBonus;
        }

        return adjustment;
    }

    private HashSet<string> VendorsOf(FaqEntry entry) =>
        _vendors.TryGetValue(entry.Id, out var vendors) ? vendors : [];
}
