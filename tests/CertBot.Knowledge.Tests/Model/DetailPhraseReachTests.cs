using CertBot.Text;

namespace CertBot.Knowledge.Tests.Model;

/// <summary>
/// The first/last-letter prefilter (<see cref="WordReach"/>) in front of the detail phrases' word comparisons never turns
/// a match away: for every word of every detail phrase and cue pair in the real knowledge, against every word of its
/// English text (FAQ questions, phrasings, answers, everything), each of those with every ending, and every single edit
/// of the phrase word itself, any pair the unfiltered comparisons accept passes the prefilter, and the phrase-level test
/// (<see cref="WordEdges"/>) lets through every word the word-level one does. So the topics a question asks for are the
/// same with the prefilters as without them.
/// </summary>
public sealed class DetailPhraseReachTests
{
    [Fact]
    public void MayMatch_EveryPairTheFullComparisonsAccept_True()
    {
        var knowledge = KnowledgeFile.Real;
        var endings = knowledge.Details.SelectMany(d => d.WordEndings).Distinct(StringComparer.Ordinal).ToArray();
        var known = knowledge.Details
            .SelectMany(d => d.Phrases.Concat(d.Together.SelectMany(p => p.Any.Concat(p.With))))
            .SelectMany(WordTokenizer.Words)
            .ToHashSet(StringComparer.Ordinal);
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(KnowledgeFile.PathToRealFile)!, "knowledge.en.yaml"));
        var vocabulary = WordTokenizer.Words(text).ToHashSet(StringComparer.Ordinal);
        vocabulary.UnionWith(vocabulary.SelectMany(w => endings.Select(e => w + e)).ToArray());

        var accepted = 0;
        foreach (var word in known)
        {
            foreach (var typed in vocabulary.Concat(SingleEdits(word)).Append(word))
            {
                var byEnding = WordEnding.Matches(word, typed, endings);
                // Both comparisons allow a typo only between words of OneTypoFrom letters or more (the pairs: more still).
                var byTypo = word.Length >= TypoPolicy.OneTypoFrom && typed.Length >= TypoPolicy.OneTypoFrom
                    && BoundedEditDistance.IsWithin(word, typed, 1);
                if (byEnding)
                {
                    Assert.True(WordReach.MayMatch(word, typed, typoAllowed: false), $"{word} / {typed}");
                }

                if (byEnding || byTypo)
                {
                    accepted++;
                    Assert.True(WordReach.MayMatch(word, typed, typoAllowed: true), $"{word} / {typed}");
                }

                // The phrase-level test lets through every word the word-level one does (with other words beside it too).
                foreach (var typoAllowed in new[] { false, true })
                {
                    if (WordReach.MayMatch(word, typed, typoAllowed))
                    {
                        Assert.True(WordEdges.Of([typed]).MayHold(word, typoAllowed), $"{word} / {typed}");
                        Assert.True(WordEdges.Of(["zz", typed, "qq"]).MayHold(word, typoAllowed), $"{word} / {typed} among others");
                    }
                }
            }
        }

        Assert.True(known.Count > 100 && accepted > 10_000, $"{known.Count} phrase words, {accepted} accepted pairs");
    }

    /// <summary>Every deletion, adjacent swap, substitution and insertion of one letter: the typos the comparisons accept.</summary>
    private static IEnumerable<string> SingleEdits(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            if (i + 1 < word.Length)
            {
                yield return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
            }
        }

        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            for (var i = 0; i <= word.Length; i++)
            {
                yield return word.Insert(i, letter.ToString());
                if (i < word.Length)
                {
                    yield return string.Concat(word.AsSpan(0, i), letter.ToString(), word.AsSpan(i + 1));
                }
            }
        }
    }
}
