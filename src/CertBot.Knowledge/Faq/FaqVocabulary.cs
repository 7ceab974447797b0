using CertBot.Text;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Maps chat words onto index terms: known surface words (with synonyms and stop words folded in), stems of unseen
/// inflections, two-word phrases, and typo correction against the known words. Read-only after building.
/// </summary>
internal sealed class FaqVocabulary
{
    private const int StopWord = -1;
    private const int UnknownWord = -2;
    private const int MaxWordLength = 48;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaceLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly int[] _surfaceTerm;
    private readonly int[] _surfaceFrequency;
    private readonly Dictionary<long, int> _phrases;
    private readonly string[][] _byLength;
    private readonly int[][] _idsByLength;

    private FaqVocabulary(Builder b)
    {
        _surfaceLookup = b.SurfaceIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = b.StemTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        _surfaceTerm = [.. b.SurfaceTerms];
        _surfaceFrequency = [.. b.SurfaceFrequency];
        _phrases = b.Phrases;
        TermCount = b.TermIds.Count;
        var byLength = new List<string>[MaxWordLength + 1];
        var idsByLength = new List<int>[MaxWordLength + 1];
        for (var l = 0; l <= MaxWordLength; l++)
        {
            byLength[l] = [];
            idsByLength[l] = [];
        }

        foreach (var (word, id) in b.SurfaceIds)
        {
            if (word.Length <= MaxWordLength)
            {
                byLength[word.Length].Add(word);
                idsByLength[word.Length].Add(id);
            }
        }

        _byLength = [.. byLength.Select(l => l.ToArray())];
        _idsByLength = [.. idsByLength.Select(l => l.ToArray())];
    }

    public int TermCount { get; }

    /// <summary>The surface id (or -1) and term id (or stop/unknown marker) of one normalized word.</summary>
    public (int Surface, int Term) Resolve(ReadOnlySpan<char> word)
    {
        if (_surfaceLookup.TryGetValue(word, out var surface))
        {
            return (surface, _surfaceTerm[surface]);
        }

        if (word.Length > MaxWordLength)
        {
            return (-1, UnknownWord);
        }

        Span<char> stem = stackalloc char[word.Length];
        word.CopyTo(stem);
        var length = PorterStemmer.Stem(stem);
        if (_stemLookup.TryGetValue(stem[..length], out var term))
        {
            return (-1, term);
        }

        var corrected = Correct(word);
        return corrected >= 0 ? (corrected, _surfaceTerm[corrected]) : (-1, UnknownWord);
    }

    public bool TryPhrase(int first, int second, out int term)
    {
        term = 0;
        return first >= 0 && second >= 0 && _phrases.TryGetValue(PhraseKey(first, second), out term);
    }

    private static long PhraseKey(int first, int second) => ((long)first << 32) | (uint)second;

    // Typos rarely hit the first letter of short words, and requiring it keeps real unknown words (earn/learn) unknown.
    // Longer words may have a wrong first letter but then keep the second, or swap the two.
    private static bool PlausibleTypo(ReadOnlySpan<char> word, string candidate)
    {
        if (candidate[0] == word[0])
        {
            return true;
        }

        return word.Length >= 6 && (candidate[1] == word[1] || (candidate[0] == word[1] && candidate[1] == word[0]));
    }

    private int Correct(ReadOnlySpan<char> word)
    {
        var max = TypoPolicy.MaxEdits(word);
        if (max == 0)
        {
            return -1;
        }

        var bestId = -1;
        var bestDistance = max + 1;
        var bestFrequency = 0;
        for (var length = Math.Max(1, word.Length - max); length <= Math.Min(MaxWordLength, word.Length + max); length++)
        {
            var words = _byLength[length];
            var ids = _idsByLength[length];
            for (var i = 0; i < words.Length; i++)
            {
                var candidate = words[i];
                if (!PlausibleTypo(word, candidate))
                {
                    continue;
                }

                var distance = BoundedEditDistance.Compute(word, candidate, Math.Min(max, bestDistance));
                var frequency = _surfaceFrequency[ids[i]];
                if (distance < bestDistance || (distance == bestDistance && distance <= max && frequency > bestFrequency))
                {
                    (bestId, bestDistance, bestFrequency) = (ids[i], distance, frequency);
                }
            }
        }

        return bestDistance <= max ? bestId : -1;
    }

    /// <summary>Collects the vocabulary while the matcher analyses its documents.</summary>
    internal sealed class Builder
    {
        public Builder(MatcherLexicon lexicon)
        {
            foreach (var stop in lexicon.StopWords)
            {
                foreach (var token in WordTokenizer.Words(stop))
                {
                    SetSurface(token, StopWord);
                }
            }

            // Synonyms override stop words: a curator who lists a word as a variant means it to count.
            foreach (var group in lexicon.Synonyms)
            {
                var canonicalTokens = WordTokenizer.Words(group.Canonical);
                if (canonicalTokens.Length != 1)
                {
                    continue;
                }

                var canonicalTerm = TermOf(StemOf(canonicalTokens[0]));
                SetSurface(canonicalTokens[0], canonicalTerm);
                foreach (var variant in group.Variants)
                {
                    var tokens = WordTokenizer.Words(variant);
                    if (tokens.Length == 1)
                    {
                        SetSurface(tokens[0], canonicalTerm);
                        StemTerms.TryAdd(StemOf(tokens[0]), canonicalTerm);
                    }
                    else if (tokens.Length == 2)
                    {
                        Phrases[PhraseKey(Surface(tokens[0]), Surface(tokens[1]))] = canonicalTerm;
                    }
                }
            }
        }

        public Dictionary<string, int> SurfaceIds { get; } = new(StringComparer.Ordinal);

        public List<int> SurfaceTerms { get; } = [];

        public List<int> SurfaceFrequency { get; } = [];

        public Dictionary<string, int> StemTerms { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, int> Phrases { get; } = [];

        /// <summary>The term ids of <paramref name="text"/>, in order, with phrases folded and stop words dropped.</summary>
        public int[] Analyze(string text)
        {
            var tokens = WordTokenizer.Words(text);
            var surfaces = tokens.Select(Surface).ToArray();
            var terms = new List<int>(tokens.Length);
            for (var i = 0; i < surfaces.Length; i++)
            {
                SurfaceFrequency[surfaces[i]]++;
                if (i + 1 < surfaces.Length && Phrases.TryGetValue(PhraseKey(surfaces[i], surfaces[i + 1]), out var phrase))
                {
                    terms.Add(phrase);
                    i++;
                    continue;
                }

                if (SurfaceTerms[surfaces[i]] != StopWord)
                {
                    terms.Add(SurfaceTerms[surfaces[i]]);
                }
            }

            return [.. terms];
        }

        public FaqVocabulary Build() => new(this);

        /// <summary>The already known terms of <paramref name="text"/> (phrases folded, stop and new words skipped); adds nothing.</summary>
        public IEnumerable<int> KnownTerms(string text)
        {
            var tokens = WordTokenizer.Words(text);
            for (var i = 0; i < tokens.Length; i++)
            {
                if (!SurfaceIds.TryGetValue(tokens[i], out var surface))
                {
                    if (StemTerms.TryGetValue(StemOf(tokens[i]), out var stemTerm))
                    {
                        yield return stemTerm;
                    }

                    continue;
                }

                if (i + 1 < tokens.Length && SurfaceIds.TryGetValue(tokens[i + 1], out var next)
                    && Phrases.TryGetValue(PhraseKey(surface, next), out var phrase))
                {
                    yield return phrase;
                    i++;
                    continue;
                }

                if (SurfaceTerms[surface] >= 0)
                {
                    yield return SurfaceTerms[surface];
                }
            }
        }

        private int Surface(string token)
        {
            if (SurfaceIds.TryGetValue(token, out var id))
            {
                return id;
            }

            var stem = StemOf(token);
            var term = StemTerms.TryGetValue(stem, out var known) ? known : TermOf(stem);
            StemTerms.TryAdd(stem, term);
            return SetSurface(token, term);
        }

        private int SetSurface(string token, int term)
        {
            if (SurfaceIds.TryGetValue(token, out var id))
            {
                SurfaceTerms[id] = term;
                return id;
            }

            id = SurfaceTerms.Count;
            SurfaceIds[token] = id;
            SurfaceTerms.Add(term);
            SurfaceFrequency.Add(0);
            return id;
        }

        private int TermOf(string stem)
        {
            if (!TermIds.TryGetValue(stem, out var id))
            {
                id = TermIds.Count;
                TermIds[stem] = id;
            }

            return id;
        }

        private static string StemOf(string token)
        {
            var buffer = token.ToCharArray();
            return new string(buffer, 0, PorterStemmer.Stem(buffer));
        }
    }
}
