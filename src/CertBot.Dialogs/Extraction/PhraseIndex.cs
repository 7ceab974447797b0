using System.Collections.Concurrent;

namespace CertBot.Dialogs.Extraction;

/// <summary>
/// Many phrases found in one pass over an utterance. The dialog's vocabulary holds hundreds of phrases; scanning every
/// phrase over every message costs more than everything else in a turn, so phrases are indexed by their first word:
/// exactly, and for words long enough to carry typos by every deletion of up to as many letters as the typo policy
/// allows (two words within k edits share a k-letter deletion), then each candidate is checked with the typo rule.
/// </summary>
internal sealed class PhraseIndex
{
    // Words repeat from message to message ("data", "years", "aws"); remembering which phrases a typed word may be a
    // typo of saves probing its deletions again. Bounded, so a flood of distinct words cannot grow it.
    private const int TypoCandidateCacheLimit = 8192;

    private readonly PhraseMatcher[] _phrases;
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _deletionsBySpan;
    private readonly HashSet<int> _typoWordLengths = [];
    private readonly ConcurrentDictionary<string, int[]> _typoCandidates = new(StringComparer.Ordinal);
    private readonly int _maxTypoDepth;

    public PhraseIndex(IEnumerable<PhraseMatcher> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases];
        _deletionsBySpan = _deletions.GetAlternateLookup<ReadOnlySpan<char>>();
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

            var depth = PhraseMatcher.TyposAllowed(first);
            if (depth > 0)
            {
                _typoWordLengths.Add(first.Length);
                _maxTypoDepth = Math.Max(_maxTypoDepth, depth);
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
        for (var start = 0; start < tokens.Count; start++)
        {
            // The phrases opening with the word exactly, then those it may be a typo of that are not among them: each
            // list holds a phrase once, so no set is needed to try each candidate once (this runs for every word of
            // every message in every index).
            var token = tokens[start];
            var exact = _exact.TryGetValue(token, out var list) ? list : null;
            if (exact is not null)
            {
                foreach (var p in exact)
                {
                    if (_phrases[p].MatchesAt(tokens, start))
                    {
                        hits.Add((p, start));
                    }
                }
            }

            foreach (var p in TypoCandidates(token))
            {
                if ((exact is null || !exact.Contains(p)) && _phrases[p].MatchesAt(tokens, start))
                {
                    hits.Add((p, start));
                }
            }
        }

        hits.Sort();
        return hits;
    }

    /// <summary>How many typed words the index remembers typo candidates for (bounded by the cache limit).</summary>
    internal int RememberedWords => _typoCandidates.Count;

    /// <summary>True when any phrase occurs.</summary>
    public bool AnyIn(IReadOnlyList<string> tokens) => FindAll(tokens).Count > 0;

    private int[] TypoCandidates(string token)
    {
        if (_typoCandidates.TryGetValue(token, out var known))
        {
            return known;
        }

        var found = new HashSet<int>();
        AddDeletionCandidates(found, token);
        int[] candidates = found.Count == 0 ? [] : [.. found];
        if (_typoCandidates.Count < TypoCandidateCacheLimit)
        {
            _typoCandidates.TryAdd(token, candidates);
        }

        return candidates;
    }

    // A typed word is probed with the same keys the index holds (itself and its deletions), but written into a stack
    // buffer and looked up by span: a long word has a couple of hundred such keys, and allocating them for every word
    // of every message in every index was the largest cost of reading a message.
    private void AddDeletionCandidates(HashSet<int> candidates, string token)
    {
        // A typo match needs both words' allowance (the smaller one counts), so probing deeper than the index's
        // longest allowance, or for a length no indexed word is within reach of, can only find what MatchesAt rejects.
        var depth = Math.Min(PhraseMatcher.TyposAllowed(token), _maxTypoDepth);
        if (depth == 0 || !WithinReach(token.Length, depth))
        {
            return;
        }

        AddAll(candidates, token.AsSpan());
        if (token.Length <= 256)
        {
            Span<char> buffer = stackalloc char[token.Length * depth];
            Probe(candidates, token.AsSpan(), buffer, depth);
        }
        else
        {
            Probe(candidates, token.AsSpan(), new char[token.Length * depth], depth);
        }
    }

    private bool WithinReach(int length, int depth)
    {
        for (var l = length - depth; l <= length + depth; l++)
        {
            if (_typoWordLengths.Contains(l))
            {
                return true;
            }
        }

        return false;
    }

    // Every deletion of one letter from word, then (while depth lasts) of one more from each of those; repeated keys
    // only repeat a lookup, since candidates is a set. Each level writes into its own slice of buffer.
    private void Probe(HashSet<int> candidates, ReadOnlySpan<char> word, Span<char> buffer, int depth)
    {
        var deletion = buffer[..(word.Length - 1)];
        for (var i = 0; i < word.Length; i++)
        {
            word[..i].CopyTo(deletion);
            word[(i + 1)..].CopyTo(deletion[i..]);
            AddAll(candidates, deletion);
            if (depth > 1 && deletion.Length > 0)
            {
                Probe(candidates, deletion, buffer[word.Length..], depth - 1);
            }
        }
    }

    private void AddAll(HashSet<int> into, ReadOnlySpan<char> key)
    {
        if (_deletionsBySpan.TryGetValue(key, out var list))
        {
            into.UnionWith(list);
        }
    }

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
}
