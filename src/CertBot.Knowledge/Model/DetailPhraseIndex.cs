using CertBot.Text;

namespace CertBot.Knowledge.Model;

/// <summary>
/// Every detail topic's word phrases, filed by the first and last letters of their first word, so a question is read
/// once for all topics: at each of its words only the phrases that word can begin are tried, instead of every topic
/// walking the question for each of its phrases (some 600 phrases against every FAQ question). Finds exactly the
/// phrases <see cref="DetailTopic.IsMentionedIn(string)"/> finds: a phrase matches at a word only if
/// <see cref="WordReach.MayMatch"/> holds for its first word, and that needs the same first letter, or, where a typo is
/// allowed, the same last letter, or a first word of one letter. Built once per knowledge generation.
/// </summary>
public sealed class DetailPhraseIndex
{
    private const int Buckets = 27;

    private readonly IReadOnlyList<DetailTopic> _topics;
    private readonly Entry[][] _byFirst;
    private readonly Entry[][] _byLast;
    private readonly Entry[] _short;

    public DetailPhraseIndex(IReadOnlyList<DetailTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _topics = topics;
        var byFirst = Enumerable.Range(0, Buckets).Select(_ => new List<Entry>()).ToArray();
        var byLast = Enumerable.Range(0, Buckets).Select(_ => new List<Entry>()).ToArray();
        var short_ = new List<Entry>();
        for (var t = 0; t < topics.Count; t++)
        {
            var phrases = topics[t].WordPhrases;
            for (var p = 0; p < phrases.Count; p++)
            {
                var first = phrases[p].Words[0];
                var entry = new Entry(t, p);
                if (first.Length < 2)
                {
                    short_.Add(entry);
                    continue;
                }

                byFirst[Bucket(first[0])].Add(entry);
                // A typo-tolerant phrase is filed again by its first word's last letter (a typo at the start keeps it).
                if (phrases[p].TypoTolerant)
                {
                    byLast[Bucket(first[^1])].Add(entry);
                }
            }
        }

        _byFirst = [.. byFirst.Select(b => b.ToArray())];
        _byLast = [.. byLast.Select(b => b.ToArray())];
        _short = [.. short_];
    }

    /// <summary>The topics in <see cref="DetailTopic"/> order that <paramref name="text"/> asks for (<see cref="DetailTopic.IsMentionedIn(string)"/>).</summary>
    public IReadOnlyList<DetailTopic> Asked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordTokenizer.Words(text);
        var edges = WordEdges.Of(words);
        var said = _topics.Count <= 256 ? stackalloc bool[_topics.Count] : new bool[_topics.Count];
        var count = 0;
        for (var i = 0; i < words.Length && count < said.Length; i++)
        {
            var typed = words[i];
            count += Try(_short, words, i, said);
            if (typed.Length < 2)
            {
                continue;
            }

            count += Try(_byFirst[Bucket(typed[0])], words, i, said);
            count += Try(_byLast[Bucket(typed[^1])], words, i, said, skipFirst: typed[0]);
        }

        List<DetailTopic>? asked = null;
        for (var t = 0; t < _topics.Count; t++)
        {
            if (said[t] || _topics[t].IsMentionedApartFromWordPhrases(text, words, edges))
            {
                (asked ??= []).Add(_topics[t]);
            }
        }

        return asked ?? (IReadOnlyList<DetailTopic>)[];
    }

    /// <summary>Tries each entry's phrase at word <paramref name="at"/>; <paramref name="skipFirst"/> passes over phrases whose first word starts with that letter (tried already by first letter).</summary>
    private int Try(Entry[] entries, IReadOnlyList<string> words, int at, Span<bool> said, char skipFirst = '\0')
    {
        var found = 0;
        foreach (var (topic, phrase) in entries)
        {
            if (said[topic])
            {
                continue;
            }

            var owner = _topics[topic];
            var candidate = owner.WordPhrases[phrase];
            if (candidate.Words[0][0] != skipFirst && owner.StartsAt(words, at, candidate))
            {
                said[topic] = true;
                found++;
            }
        }

        return found;
    }

    private static int Bucket(char c) => c is >= 'a' and <= 'z' ? c - 'a' : Buckets - 1;

    private readonly record struct Entry(int Topic, int Phrase);
}
