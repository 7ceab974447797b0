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
    private readonly Dictionary<string, FaqEntry[]> _versions;

    public FaqScopes(KnowledgeBase knowledge, CredentialMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(mentions);
        _knowledge = knowledge;
        _versions = knowledge.Faqs.Where(e => e.VersionOf is not null)
            .GroupBy(e => e.VersionOf!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var entry in knowledge.Faqs)
        {
            var mention = mentions.FindMention(entry.Question);
            _vendors[entry.Id] = mention is null ? [] : new HashSet<string>([mention.Credential.Vendor], StringComparer.OrdinalIgnoreCase);
            // Which exam of the vendor: the one the question names, or the related ones of that vendor when it names the vendor only.
            var related = entry.RelatedCredentials.Select(knowledge.FindCredential).OfType<Credential>()
                .Where(c => mention is not null && string.Equals(c.Vendor, mention.Credential.Vendor, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Id);
            // A named exam and its successor or predecessor are one line of credentials ("AI-102, now AI-103").
            _credentials[entry.Id] = new HashSet<string>(
                mention is { Explicit: true } ? Lineage(knowledge, mention.Credential) : related,
                StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The entry suits the question: a vendor's entry when the question names that vendor (and, named by code, that
    /// exam); a general entry when it names none, or when the named vendor has no version of it (a topic such as
    /// "do I need a cert to get hired" is the same for every vendor). Versions are curated (<c>versionOf</c>).
    /// </summary>
    public bool Fits(FaqEntry entry, CredentialMention? mention)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var vendors = VendorsOf(entry);
        if (mention is null)
        {
            return vendors.Count == 0;
        }

        if (vendors.Count == 0)
        {
            return VersionFor(entry, mention) is null;
        }

        return vendors.Count == 1
            && vendors.Contains(mention.Credential.Vendor)
            && (!mention.Explicit || CredentialsOf(entry).Count == 0 || CredentialsOf(entry).Contains(mention.Credential.Id));
    }

    /// <summary>The entry is the one for the vendor (and exam, when named) of <paramref name="mention"/>, not a general one.</summary>
    public bool IsAbout(FaqEntry entry, CredentialMention mention)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(mention);
        return VendorsOf(entry).Count == 1 && Fits(entry, mention);
    }

    /// <summary>
    /// The entry is about another vendor's credentials than the one the question names ("does Microsoft have an
    /// entry-level AI test?" near the AWS AI Practitioner entry): never the answer, whatever its words share.
    /// </summary>
    public bool IsAboutAnotherVendor(FaqEntry entry, CredentialMention mention)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(mention);
        var vendors = VendorsOf(entry);
        return vendors.Count > 0 && !vendors.Contains(mention.Credential.Vendor);
    }

    /// <summary>Entries about the credential named by code or name (its own entry first), for suggestions.</summary>
    public IEnumerable<FaqEntry> About(CredentialMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Explicit
            ? _knowledge.Faqs.Where(e => VendorsOf(e).Count == 1 && CredentialsOf(e).Contains(mention.Credential.Id))
            : [];
    }

    /// <summary>
    /// The version of <paramref name="entry"/> that suits the question: the entry itself when it fits, otherwise its
    /// general entry or the named vendor's version of it, so "prep time for AI-103" answered with the general
    /// preparation entry becomes the Azure one, and "prep time?" answered with the Google one becomes the general one.
    /// </summary>
    public FaqEntry Resolve(FaqEntry entry, CredentialMention? mention)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Fits(entry, mention))
        {
            return entry;
        }

        // A vendor's version stands for its general entry; from the general entry, the named vendor's version, if any.
        var general = entry.VersionOf is { } id ? _knowledge.FindFaq(id) ?? entry : entry;
        if (mention is null)
        {
            return general;
        }

        return VersionFor(general, mention) ?? (Fits(general, mention) ? general : entry);
    }

    /// <summary>The version of a general entry for the vendor of <paramref name="mention"/>, or null.</summary>
    private FaqEntry? VersionFor(FaqEntry general, CredentialMention mention) =>
        _versions.TryGetValue(general.Id, out var versions)
            ? Array.Find(versions, e => VendorsOf(e).Contains(mention.Credential.Vendor))
            : null;

    private static IEnumerable<string> Lineage(KnowledgeBase knowledge, Credential credential)
    {
        yield return credential.Id;
        if (credential.SuccessorId is { } successor)
        {
            yield return successor;
        }

        foreach (var predecessor in knowledge.Credentials.Where(c => c.SuccessorId == credential.Id))
        {
            yield return predecessor.Id;
        }
    }

    private HashSet<string> CredentialsOf(FaqEntry entry) =>
        _credentials.TryGetValue(entry.Id, out var credentials) ? credentials : [];

    private HashSet<string> VendorsOf(FaqEntry entry) =>
        _vendors.TryGetValue(entry.Id, out var vendors) ? vendors : [];
}
