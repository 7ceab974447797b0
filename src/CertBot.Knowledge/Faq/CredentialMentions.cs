using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Which credential a question is about: an exam code ("MLA-C01", "mla c01"), the full name, or a vendor word
/// ("google", "amazon", "azure" and their synonyms in the matcher lexicon), which stands for that vendor's current
/// ML-engineering credential at the lowest level. Built once per knowledge generation.
/// </summary>
public sealed class CredentialMentions
{
    private readonly (string Code, Credential Credential)[] _codes;
    private readonly (string Name, Credential Credential)[] _names;
    private readonly (string Word, Credential Credential)[] _vendors;

    public CredentialMentions(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _codes = [.. knowledge.Credentials.Where(c => c.ExamCode is not null).Select(c => (Compact(c.ExamCode!), c))];
        // The full name, and the name without its vendor prefix ("azure data scientist associate", "ai practitioner").
        _names = [.. knowledge.Credentials
            .SelectMany(c => new[] { Words(c.Name), WithoutVendorPrefix(Words(c.Name), Words(c.Vendor)) }.Distinct(StringComparer.Ordinal).Select(n => (n, c)))
            .Where(p => p.n.Contains(' ', StringComparison.Ordinal))
            .OrderByDescending(p => p.n.Length)];
        var vendors = new List<(string, Credential)>();
        foreach (var group in knowledge.Credentials.Where(c => c.IsRecommendable).GroupBy(c => c.Vendor, StringComparer.OrdinalIgnoreCase))
        {
            var primary = group.OrderBy(c => c.Level).First();
            var vendor = Words(group.Key);
            var synonyms = knowledge.Lexicon.Synonyms.FirstOrDefault(s =>
                string.Equals(Words(s.Canonical), vendor, StringComparison.Ordinal) || s.Variants.Any(v => string.Equals(Words(v), vendor, StringComparison.Ordinal)));
            var words = synonyms is null ? [vendor] : synonyms.Variants.Select(Words).Append(Words(synonyms.Canonical)).Append(vendor);
            vendors.AddRange(words.Distinct(StringComparer.Ordinal).Select(w => (w, primary)));
        }

        _vendors = [.. vendors];
    }

    /// <summary>The credential the text is about, or null when it names none (or several vendors).</summary>
    public Credential? Find(string text) => FindMention(text)?.Credential;

    /// <summary>The credential the text is about and whether it was named (code or name) rather than implied by a vendor word.</summary>
    public CredentialMention? FindMention(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = Compact(text);
        foreach (var (code, credential) in _codes)
        {
            if (code.Length > 0 && compact.Contains(code, StringComparison.Ordinal))
            {
                return new CredentialMention(credential, Explicit: true);
            }
        }

        var words = " " + Words(text) + " ";
        foreach (var (name, credential) in _names)
        {
            if (words.Contains(" " + name + " ", StringComparison.Ordinal))
            {
                return new CredentialMention(credential, Explicit: true);
            }
        }

        var named = _vendors.Where(v => words.Contains(" " + v.Word + " ", StringComparison.Ordinal)).Select(v => v.Credential).Distinct().ToArray();
        return named.Length == 1 ? new CredentialMention(named[0], Explicit: false) : null;
    }

    /// <summary>Drops the leading words a vendor puts before every credential name (its name, "certified", "cloud", "microsoft").</summary>
    private static string WithoutVendorPrefix(string name, string vendor)
    {
        var prefix = new HashSet<string>(vendor.Split(' ').Concat(["certified", "cloud", "microsoft", "google", "aws", "amazon"]), StringComparer.Ordinal);
        return string.Join(' ', name.Split(' ').SkipWhile(prefix.Contains));
    }

    private static string Compact(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static string Words(string text) =>
        string.Join(' ', new string([.. text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
