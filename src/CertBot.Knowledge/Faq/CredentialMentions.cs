using CertBot.Knowledge.Model;
using CertBot.Text;

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
    private readonly HashSet<string> _nameWords;
    private readonly (string Variant, string Canonical)[] _phraseSynonyms;

    public CredentialMentions(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _codes = [.. knowledge.Credentials.Where(c => c.ExamCode is not null).Select(c => (Compact(c.ExamCode!), c))];
        // Names and messages are compared with the language's multi-word synonyms folded onto their canonical word, so
        // "AWS ML Specialty" names the Machine Learning - Specialty and "gen AI developer" the Generative AI Developer.
        _phraseSynonyms = [.. knowledge.Lexicon.Synonyms
            .SelectMany(g => g.Variants.Select(v => (Variant: Words(v), Canonical: Words(g.Canonical))))
            .Where(p => p.Variant.Contains(' ', StringComparison.Ordinal) && p.Canonical.Length > 0)
            .OrderByDescending(p => p.Variant.Length)];
        // The full name, and the name without its vendor prefix ("azure data scientist associate", "ai practitioner").
        // The full name, the name without its vendor prefix ("azure data scientist associate", "ai practitioner"), without
        // the product family too ("data scientist associate"), and the initials of a long name ("pmle").
        var forms = knowledge.Credentials.Select(c => (Credential: c, Forms: NameForms(Words(c.Name), Words(c.Vendor)).ToArray())).ToArray();
        _names = [.. forms
            .SelectMany(f => f.Forms.Concat(WithoutLevel(f.Forms, forms.Where(o => o.Credential != f.Credential).SelectMany(o => o.Forms)))
                .SelectMany(n => new[] { n, Fold(n) }).Distinct(StringComparer.Ordinal).Select(n => (n, f.Credential)))
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
        _nameWords = new HashSet<string>(
            knowledge.Credentials.SelectMany(c => Words(c.Name + " " + c.Vendor + " " + c.ExamCode).Split(' '))
                .Concat(knowledge.Credentials.Where(c => c.ExamCode is not null).Select(c => Compact(c.ExamCode!)))
                .Concat(_vendors.SelectMany(v => v.Word.Split(' ')))
                .Concat(_names.SelectMany(n => n.Name.Split(' ')))
                .Where(w => w.Length > 0),
            StringComparer.Ordinal);
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
        var folded = " " + Fold(words.Trim()) + " ";
        foreach (var (name, credential) in _names)
        {
            if (words.Contains(" " + name + " ", StringComparison.Ordinal) || folded.Contains(" " + name + " ", StringComparison.Ordinal))
            {
                return new CredentialMention(credential, Explicit: true);
            }
        }

        var typed = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A vendor word may carry a typo under the shared policy ("gogle", "azrue"); multi-word ones must be exact.
        var named = _vendors
            .Where(v => words.Contains(" " + v.Word + " ", StringComparison.Ordinal)
                || (!v.Word.Contains(' ', StringComparison.Ordinal) && Array.Exists(typed, t => TypoPolicy.Matches(v.Word, t))))
            .Select(v => v.Credential).Distinct().ToArray();
        return named.Length == 1 ? new CredentialMention(named[0], Explicit: false) : null;
    }

    /// <summary>The credentials the text names by code or name (not by a vendor word alone), each once, in the order of the lists.</summary>
    public IReadOnlyList<Credential> FindNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = Compact(text);
        var words = " " + Words(text) + " ";
        var folded = " " + Fold(words.Trim()) + " ";
        return [.. _codes.Where(c => c.Code.Length > 0 && compact.Contains(c.Code, StringComparison.Ordinal)).Select(c => c.Credential)
            .Concat(_names.Where(n => words.Contains(" " + n.Name + " ", StringComparison.Ordinal) || folded.Contains(" " + n.Name + " ", StringComparison.Ordinal))
                .Select(n => n.Credential))
            .Distinct()];
    }

    /// <summary>True when <paramref name="code"/> is, once compacted ("mla c01", "MLA-C01"), exactly one of the knowledge's exam codes.</summary>
    public bool IsExamCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var compact = Compact(code);
        return Array.Exists(_codes, c => string.Equals(c.Code, compact, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every word that can be part of a credential's name, exam code or vendor ("google", "gcp", "professional",
    /// "ai", "103"), so what a question asks beyond naming a credential can be read from the words left over.
    /// </summary>
    public IReadOnlySet<string> NameWords => _nameWords;

    private static IEnumerable<string> NameForms(string name, string vendor)
    {
        var withoutVendor = WithoutPrefix(name, [.. vendor.Split(' '), "certified", "cloud", "microsoft", "google", "aws", "amazon"]);
        var withoutFamily = WithoutPrefix(withoutVendor, ["azure"]);
        var words = withoutFamily.Split(' ');
        // Initials stand for a name only when long enough not to be an everyday word or another acronym.
        var initials = words.Length >= 4 ? string.Concat(words.Select(w => w[0])) : string.Empty;
        return new[] { name, withoutVendor, withoutFamily }.Where(n => n.Contains(' ', StringComparison.Ordinal))
            .Append(initials).Where(n => n.Length >= 4).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The barest name without its trailing level word ("generative ai developer" for the Generative AI Developer -
    /// Professional), as people shorten it, when at least three words are left and no other credential's name holds them: "machine
    /// learning engineer" names two credentials and stays with neither.
    /// </summary>
    private static IEnumerable<string> WithoutLevel(IEnumerable<string> forms, IEnumerable<string> otherForms)
    {
        string[] levels = ["associate", "professional", "specialty", "fundamentals"];
        var others = otherForms.Select(o => " " + o + " ").ToArray();
        // Only the barest form (no vendor, no product family): "azure ai engineer" is how people name the current Azure
        // exam too, so the retired AI Engineer Associate keeps its full name.
        if (forms.Where(f => f.Contains(' ', StringComparison.Ordinal)).MinBy(f => f.Length) is not { } barest)
        {
            yield break;
        }

        var words = barest.Split(' ');
        if (words.Length >= 4 && levels.Contains(words[^1], StringComparer.Ordinal)
            && string.Join(' ', words[..^1]) is var shorter
            && !others.Any(o => o.Contains(" " + shorter + " ", StringComparison.Ordinal)))
        {
            yield return shorter;
        }
    }

    /// <summary>Drops the leading words a vendor puts before every credential name (its name, "certified", "cloud", "microsoft").</summary>
    private static string WithoutPrefix(string name, string[] prefixWords)
    {
        var prefix = new HashSet<string>(prefixWords, StringComparer.Ordinal);
        return string.Join(' ', name.Split(' ').SkipWhile(prefix.Contains));
    }

    /// <summary>Normalised words with each multi-word synonym replaced by its canonical word ("machine learning" by "ml").</summary>
    private string Fold(string words)
    {
        if (_phraseSynonyms.Length == 0 || !words.Contains(' ', StringComparison.Ordinal))
        {
            return words;
        }

        var padded = " " + words + " ";
        foreach (var (variant, canonical) in _phraseSynonyms)
        {
            padded = padded.Replace(" " + variant + " ", " " + canonical + " ", StringComparison.Ordinal);
        }

        return padded.Trim();
    }

    private static string Compact(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static string Words(string text) => WordTokenizer.Normalize(text);
}
