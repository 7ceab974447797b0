using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Tests.Model;

/// <summary>
/// The index finds, for any text, exactly the topics each topic finds on its own (<see cref="DetailTopic.IsMentionedIn(string)"/>),
/// in the same order: over every phrasing of the real knowledge, and over every detail phrase placed in a question as
/// written, with an ending, with a typo at its first word's start or end, and in capitals.
/// </summary>
public sealed class DetailPhraseIndexTests
{
    [Fact]
    public void Asked_RealKnowledgeTexts_SameTopicsAsEachTopicAlone()
    {
        var knowledge = KnowledgeFile.Real;
        var index = new DetailPhraseIndex(knowledge.Details);
        var texts = knowledge.Faqs.SelectMany(f => f.Alternatives.Prepend(f.Question).Append(f.Answer))
            .Concat(knowledge.Details.SelectMany(d => d.Phrases).SelectMany(Variants))
            .ToArray();

        var found = 0;
        foreach (var text in texts)
        {
            var expected = string.Join(",", knowledge.Details.Where(d => d.IsMentionedIn(text)).Select(d => d.Id));
            var actual = index.Asked(text).Select(d => d.Id).ToArray();
            Assert.True(expected == string.Join(",", actual), $"'{text}': {expected} expected, {string.Join(",", actual)} found");
            found += actual.Length;
        }

        // The comparison means something only if the texts ask for topics, typos and endings included.
        Assert.True(found > texts.Length / 2, $"{found} topics over {texts.Length} texts");
    }

    [Theory]
    [InlineData("what's the pasing score and how many questions?", "passing-score,question-count")]
    [InlineData("a voucher, please", "discounts")]
    [InlineData("how do I prepare for the exam?", "")]
    [InlineData("", "")]
    public void Asked_Question_TopicsInKnowledgeOrder(string question, string expected)
    {
        var index = new DetailPhraseIndex(KnowledgeFile.Real.Details);

        Assert.Equal(expected, string.Join(",", index.Asked(question).Select(d => d.Id)));
    }

    private static IEnumerable<string> Variants(string phrase)
    {
        var words = WordTokenizer.Words(phrase);
        yield return $"quick q: {phrase} for the exam?";
        yield return $"{phrase.ToUpperInvariant()}?";
        if (words.Length == 0)
        {
            yield break;
        }

        var first = words[0];
        var rest = string.Join(' ', words.Skip(1));
        yield return $"so, {first}s {rest} then";
        if (first.Length >= 3)
        {
            yield return $"hi {(first[0] == 'x' ? 'y' : 'x')}{first[1..]} {rest}";
            yield return $"{first[..^1]}{(first[^1] == 'x' ? 'y' : 'x')} {rest} for mla-c01";
            yield return $"{first[1]}{first[0]}{first[2..]} {rest}";
        }
    }
}
