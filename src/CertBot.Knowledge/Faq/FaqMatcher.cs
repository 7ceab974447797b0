using System.Buffers;
using System.Text.RegularExpressions;
using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// Finds the FAQ entry a chat message means: BM25 over the question phrasings (plus the answer, weighted lower),
/// with stemming, curated synonyms, typo correction and an abstaining confidence. Immutable and thread-safe;
/// everything is precomputed here so a query only touches stack and pooled buffers.
/// </summary>
public sealed partial class FaqMatcher
{
    private const int MaxTokens = 64;
    private const int MaxQueryChars = 1024;
    private const int StopWord = -1;
    private const int UnknownWord = -2;
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly FaqEntry[] _faqs;
    private readonly FaqMatcherOptions _options;
    private readonly FaqVocabulary _vocabulary;

    // Phrasing documents (question + each alternative) are stored contiguously per FAQ.
    private readonly int[] _faqFirstPhrasing;
    private readonly int[] _faqPhrasingCount;
    private readonly int _phrasingCount;
    private readonly int[][] _phrasingPostingDocs;
    private readonly float[][] _phrasingPostingWeights;
    private readonly int[][] _answerPostingFaqs;
    private readonly float[][] _answerPostingWeights;
    private readonly int[][] _allPhrasingPostingFaqs;
    private readonly float[][] _allPhrasingPostingWeights;

    // Per FAQ, the sorted term ids of its phrasings and of its answer, for the coverage part of confidence.
    private readonly int[][] _faqPhrasingTerms;
    private readonly int[][] _faqAnswerTerms;
    private readonly float[] _termWeight;
    private readonly float _unknownWeight;

    /// <summary>Builds the matcher over the FAQ and lexicon of <paramref name="knowledge"/>.</summary>
    public FaqMatcher(KnowledgeBase knowledge, FaqMatcherOptions? options = null)
        : this(knowledge?.Faqs ?? throw new ArgumentNullException(nameof(knowledge)), knowledge.Lexicon, options, EntityNames(knowledge))
    {
    }

    /// <summary>Builds the matcher over explicit entries and lexicon.</summary>
    public FaqMatcher(IReadOnlyList<FaqEntry> faqs, MatcherLexicon lexicon, FaqMatcherOptions? options = null)
        : this(faqs, lexicon, options, [])
    {
    }

    /// <summary>
    /// Builds the matcher over explicit entries and lexicon; words of <paramref name="entityNames"/> (credential names,
    /// vendors, exam codes) say which thing a question is about, not what it asks, and weigh less.
    /// </summary>
    public FaqMatcher(IReadOnlyList<FaqEntry> faqs, MatcherLexicon lexicon, FaqMatcherOptions? options, IEnumerable<string> entityNames)
    {
        ArgumentNullException.ThrowIfNull(entityNames);
        ArgumentNullException.ThrowIfNull(faqs);
        ArgumentNullException.ThrowIfNull(lexicon);
        _options = options ?? new FaqMatcherOptions();
        _faqs = [.. faqs];
        var builder = new FaqVocabulary.Builder(lexicon);

        var phrasingTerms = new List<int[]>();
        var answerTerms = new int[_faqs.Length][];
        _faqFirstPhrasing = new int[_faqs.Length];
        _faqPhrasingCount = new int[_faqs.Length];
        for (var f = 0; f < _faqs.Length; f++)
        {
            _faqFirstPhrasing[f] = phrasingTerms.Count;
            phrasingTerms.Add(builder.Analyze(_faqs[f].Question));
            foreach (var alternative in _faqs[f].Alternatives)
            {
                phrasingTerms.Add(builder.Analyze(alternative));
            }

            _faqPhrasingCount[f] = phrasingTerms.Count - _faqFirstPhrasing[f];
            answerTerms[f] = builder.Analyze(MarkdownLinkTarget().Replace(_faqs[f].Answer, string.Empty));
        }

        _vocabulary = builder.Build();
        var termCount = _vocabulary.TermCount;
        _phrasingCount = phrasingTerms.Count;

        // Rarity is measured over whole entries (phrasings and answer): an exam name that only the overview entry's
        // phrasings spell out, but that half the answers mention, is not what tells entries apart; the intent words are.
        _faqPhrasingTerms = new int[_faqs.Length][];
        _faqAnswerTerms = new int[_faqs.Length][];
        var faqFrequency = new int[termCount];
        for (var f = 0; f < _faqs.Length; f++)
        {
            var own = new SortedSet<int>();
            for (var p = 0; p < _faqPhrasingCount[f]; p++)
            {
                own.UnionWith(phrasingTerms[_faqFirstPhrasing[f] + p]);
            }

            _faqPhrasingTerms[f] = [.. own];
            _faqAnswerTerms[f] = [.. new SortedSet<int>(answerTerms[f])];
            own.UnionWith(answerTerms[f]);
            foreach (var t in own)
            {
                faqFrequency[t]++;
            }
        }

        _termWeight = new float[termCount];
        var maxWeight = (float)Math.Log(1 + Math.Max(1, _faqs.Length));
        for (var t = 0; t < termCount; t++)
        {
            _termWeight[t] = faqFrequency[t] == 0 ? maxWeight : (float)Math.Log(1 + ((double)_faqs.Length / faqFrequency[t]));
        }

        // Entity words (which exam) are shared by the overview and the specific entries about that exam; the intent
        // words (cost, retired, format) must decide between them, so entity words count less.
        foreach (var name in entityNames)
        {
            foreach (var t in builder.KnownTerms(name))
            {
                _termWeight[t] = Math.Min(_termWeight[t], (float)(_options.EntityWordWeight * maxWeight));
            }
        }

        (_phrasingPostingDocs, _phrasingPostingWeights) = Bm25Postings(phrasingTerms, _termWeight);
        (_answerPostingFaqs, _answerPostingWeights) = Bm25Postings(answerTerms, _termWeight);
        var allPhrasings = new int[_faqs.Length][];
        for (var f = 0; f < _faqs.Length; f++)
        {
            allPhrasings[f] = [.. phrasingTerms.Skip(_faqFirstPhrasing[f]).Take(_faqPhrasingCount[f]).SelectMany(t => t)];
        }

        (_allPhrasingPostingFaqs, _allPhrasingPostingWeights) = Bm25Postings(allPhrasings, _termWeight);

        _unknownWeight = (float)(_options.UnknownWordWeight * maxWeight);
    }

    private static IEnumerable<string> EntityNames(KnowledgeBase knowledge) =>
        knowledge.Credentials.SelectMany(c => new[] { c.Name, c.Vendor, c.ExamCode ?? string.Empty });

    /// <summary>The entries this matcher searches.</summary>
    public IReadOnlyList<FaqEntry> Entries => _faqs;

    /// <summary>Decides whether <paramref name="utterance"/> asks one of the FAQ questions.</summary>
    public FaqMatch Match(string utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var analysis = Analyze(utterance);
        if (analysis.TermCount == 0 || _faqs.Length == 0)
        {
            return new FaqMatch(FaqMatchKind.OutOfScope, null, 0, [], null);
        }

        var pool = ArrayPool<float>.Shared;
        var phrasingScores = pool.Rent(_phrasingCount);
        var answerScores = pool.Rent(_faqs.Length);
        var allScores = pool.Rent(_faqs.Length);
        try
        {
            Array.Clear(phrasingScores, 0, _phrasingCount);
            Array.Clear(answerScores, 0, _faqs.Length);
            Array.Clear(allScores, 0, _faqs.Length);
            var terms = analysis.Terms[..analysis.TermCount];
            foreach (var t in terms)
            {
                Accumulate(_phrasingPostingDocs[t], _phrasingPostingWeights[t], phrasingScores);
                Accumulate(_answerPostingFaqs[t], _answerPostingWeights[t], answerScores);
                Accumulate(_allPhrasingPostingFaqs[t], _allPhrasingPostingWeights[t], allScores);
            }

            var (best, second, third) = (-1, -1, -1);
            var (s1, s2, s3) = (0f, 0f, 0f);
            for (var f = 0; f < _faqs.Length; f++)
            {
                var score = FaqScore(f, phrasingScores, answerScores, allScores);
                if (score > s1)
                {
                    (third, s3, second, s2, best, s1) = (second, s2, best, s1, f, score);
                }
                else if (score > s2)
                {
                    (third, s3, second, s2) = (second, s2, f, score);
                }
                else if (score > s3)
                {
                    (third, s3) = (f, score);
                }
            }

            if (best < 0)
            {
                return new FaqMatch(FaqMatchKind.OutOfScope, null, 0, [], null);
            }

            var (coverage, evidence, matched) = Coverage(best, terms, analysis.Words[..analysis.TermCount], analysis.UnknownCount);
            var margin = (s1 - s2) / s1;
            var confidence = coverage * (1 - _options.MarginWeight + (_options.MarginWeight * margin));
            var nearest = _faqs[best];
            // A lone word ("exam", "time") is fully covered by some entry but says too little; demand real evidence.
            if (confidence >= _options.AnswerThreshold && coverage >= _options.MinAnswerCoverage
                && evidence >= _options.MinAnswerEvidence && matched >= _options.MinMatchedWords)
            {
                return new FaqMatch(FaqMatchKind.Answer, nearest, confidence, [], nearest.Id);
            }

            if (confidence >= _options.SuggestThreshold)
            {
                return new FaqMatch(FaqMatchKind.DidYouMean, null, confidence, Suggestions(best, second, third, s1, s2, s3), nearest.Id);
            }

            return new FaqMatch(FaqMatchKind.OutOfScope, null, confidence, [], nearest.Id);
        }
        finally
        {
            pool.Return(phrasingScores);
            pool.Return(answerScores);
            pool.Return(allScores);
        }
    }

    private FaqEntry[] Suggestions(int best, int second, int third, float s1, float s2, float s3)
    {
        var limit = Math.Clamp(_options.MaxSuggestions, 1, 3);
        var count = 1 + (second >= 0 && s2 >= s1 * 0.5f && limit > 1 ? 1 : 0);
        count += count == 2 && third >= 0 && s3 >= s1 * 0.5f && limit > 2 ? 1 : 0;
        var list = new FaqEntry[count];
        list[0] = _faqs[best];
        if (count > 1)
        {
            list[1] = _faqs[second];
        }

        if (count > 2)
        {
            list[2] = _faqs[third];
        }

        return list;
    }

    private float FaqScore(int faq, float[] phrasingScores, float[] answerScores, float[] allScores)
    {
        var max = 0f;
        var first = _faqFirstPhrasing[faq];
        for (var p = first; p < first + _faqPhrasingCount[faq]; p++)
        {
            max = Math.Max(max, phrasingScores[p]);
        }

        return max + ((float)_options.AnswerFieldWeight * answerScores[faq]) + ((float)_options.AllPhrasingsWeight * allScores[faq]);
    }

    private (double Coverage, double Evidence, int Matched) Coverage(int faq, ReadOnlySpan<int> terms, ReadOnlySpan<int> words, int unknownCount)
    {
        double total = unknownCount * _unknownWeight;
        double explained = 0;
        double evidence = 0;
        var matched = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            var t = terms[i];
            var w = _termWeight[t];
            total += w;
            if (Array.BinarySearch(_faqPhrasingTerms[faq], t) >= 0)
            {
                // A two-word phrase or exam code is as much evidence as its two words.
                explained += w;
                evidence += w * words[i];
                matched += words[i];
            }
            else if (Array.BinarySearch(_faqAnswerTerms[faq], t) >= 0)
            {
                explained += 0.5 * w;
                evidence += 0.5 * w;
            }
        }

        return (total <= 0 ? 0 : explained / total, evidence, matched);
    }

    private static void Accumulate(int[] docs, float[] weights, float[] scores)
    {
        for (var i = 0; i < docs.Length; i++)
        {
            scores[docs[i]] += weights[i];
        }
    }

    private QueryAnalysis Analyze(string utterance)
    {
        var text = utterance.AsSpan(0, Math.Min(utterance.Length, MaxQueryChars));
        Span<char> buffer = stackalloc char[MaxQueryChars];
        Span<Range> ranges = stackalloc Range[MaxTokens];
        var count = WordTokenizer.Tokenize(text, buffer, ranges);
        Span<int> surfaces = stackalloc int[count];
        Span<int> tokenTerms = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            (surfaces[i], tokenTerms[i]) = _vocabulary.Resolve(buffer[ranges[i]]);
        }

        var analysis = default(QueryAnalysis);
        for (var i = 0; i < count; i++)
        {
            if (i + 1 < count && _vocabulary.TryPhrase(surfaces[i], surfaces[i + 1], out var phrase))
            {
                analysis.Add(phrase, 2);
                i++;
                continue;
            }

            switch (tokenTerms[i])
            {
                case StopWord:
                    break;
                case UnknownWord:
                    analysis.UnknownCount++;
                    break;
                default:
                    analysis.Add(tokenTerms[i], 1);
                    break;
            }
        }

        return analysis;
    }

    private static (int[][] Docs, float[][] Weights) Bm25Postings(IReadOnlyList<int[]> documents, float[] idf)
    {
        var termCount = idf.Length;
        var n = documents.Count;
        var averageLength = n == 0 ? 1f : Math.Max(1f, (float)documents.Average(d => d.Length));
        var docs = new List<int>[termCount];
        var weights = new List<float>[termCount];
        for (var t = 0; t < termCount; t++)
        {
            docs[t] = [];
            weights[t] = [];
        }

        for (var d = 0; d < n; d++)
        {
            var length = documents[d].Length;
            foreach (var group in documents[d].GroupBy(t => t))
            {
                var t = group.Key;
                var tf = group.Count();
                var weight = idf[t] * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / averageLength))));
                docs[t].Add(d);
                weights[t].Add(weight);
            }
        }

        return (docs.Select(l => l.ToArray()).ToArray(), weights.Select(l => l.ToArray()).ToArray());
    }

    [GeneratedRegex(@"\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLinkTarget();

    /// <summary>The distinct known terms of a query and how many words were unknown; lives on the stack.</summary>
    private struct QueryAnalysis
    {
        public TermBuffer Terms;
        public TermBuffer Words;
        public int TermCount;
        public int UnknownCount;

        public void Add(int term, int words)
        {
            if (TermCount == MaxTokens || ((ReadOnlySpan<int>)Terms)[..TermCount].Contains(term))
            {
                return;
            }

            Words[TermCount] = words;
            Terms[TermCount++] = term;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(MaxTokens)]
    private struct TermBuffer
    {
        private int _element;
    }
}
