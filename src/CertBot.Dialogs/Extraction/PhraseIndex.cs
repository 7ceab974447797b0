namespace CertBot.Dialogs.Extraction;

/// <summary>
/// Many phrases found in one pass over an utterance. The dialog's vocabulary holds hundreds of phrases; scanning every
/// phrase over every message costs more than everything else in a turn, so phrases are indexed by their first word:
/// exactly, and for words long enough to carry typos by every deletion of up to as many letters as the typo policy
/// allows (two words within k edits share a k-letter deletion), then each candidate is checked with the typo rule.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly PhraseMatcher[] _phrases;
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _deletions = new(StringComparer.Ordinal);

    public PhraseIndex(IEnumerable<PhraseMatcher> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases];
        for (var p = 0; p < _phrases.Length; p++)
        {
            if (_phrases[p].FirstWord is not { } first)
            {
                continue;
            }

            Add(_exact, first, p);
            foreach (var key in Keys(first))
            {
                Add(_deletions, key, p);
            }
        }
    }

    /// <summary>The indexed phrases, in the order given.</summary>
    public IReadOnlyList<PhraseMatcher> Phrases => _phrases;

    /// <summary>Every (phrase, start) occurrence, ordered by phrase (the order given), then by start: as if each phrase were scanned in turn.</summary>
    public List<(int Phrase, int Start)> FindAll(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var hits = new List<(int Phrase, int Start)>();
        var candidates = new HashSet<int>();
        for (var start = 0; start < tokens.Count; start++)
        {
            candidates.Clear();
            var token = tokens[start];
            AddAll(candidates, _exact, token);
            foreach (var key in Keys(token))
            {
                AddAll(candidates, _deletions, key);
            }

            foreach (var p in candidates)
            {
                if (_phrases[p].MatchesAt(tokens, start))
                {
                    hits.Add((p, start));
                }
            }
        }

        hits.Sort();
        return hits;
    }

    /// <summary>True when any phrase occurs.</summary>
    public bool AnyIn(IReadOnlyList<string> tokens) => FindAll(tokens).Count > 0;

    /// <summary>The word and its deletions of up to as many letters as it may carry typos; none for words that must match exactly.</summary>
    private static HashSet<string> Keys(string word)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var depth = PhraseMatcher.TyposAllowed(word);
        if (depth == 0)
        {
            return keys;
        }

        var level = new List<string> { word };
        keys.Add(word);
        for (var d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (var w in level)
            {
                for (var i = 0; i < w.Length; i++)
                {
                    var deletion = string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1));
                    if (keys.Add(deletion))
                    {
                        next.Add(deletion);
                    }
                }
            }

            level = next;
        }

        return keys;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int phrase)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != phrase)
        {
            list.Add(phrase);
        }
    }

    private static void AddAll(HashSet<int> into, Dictionary<string, List<int>> index, string key)
    {
        if (index.TryGetValue(key, out var list))
        {
            into.UnionWith(list);
        }
    }
}
