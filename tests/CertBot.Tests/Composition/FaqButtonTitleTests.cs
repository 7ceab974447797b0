using System.Text.Json;
using CertBot.Cards;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Knowledge;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;

namespace CertBot.Tests.Composition;

/// <summary>
/// The did-you-mean and related-question buttons and tappable lines, built from the real files for every FAQ entry: each button shows
/// the entry's short title (never the long question, which Teams would cut off) and stays within the title budget.
/// </summary>
public sealed class FaqButtonTitleTests
{
    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
    private static readonly BotMessages Messages = BotMessages.Load(Path.Combine(Dialogs, "messages.en.yaml"));
    private static readonly KnowledgeBase Knowledge =
        KnowledgeLoader.Load(Path.Combine(Dialogs, "knowledge.yaml"), KnowledgeValidationOptions.Default).Knowledge
        ?? throw new InvalidDataException("dialogs/knowledge.yaml did not load");

    public static TheoryData<string> FaqIds() => [.. Knowledge.Faqs.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(FaqIds))]
    public void FaqAnswerCard_EveryEntry_ButtonsShowShortTitlesAndHeadingShowsQuestion(string id)
    {
        var entry = Knowledge.FindFaq(id)!;

        var card = AdaptiveCardSerializer.SerializeToElement(FaqAnswerCard.Build(Messages, Knowledge, entry));

        AssertButtonsUseShortTitles(card);
        Assert.Equal(entry.Question, card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void DidYouMeanCard_EveryEntryAsASuggestion_ButtonsShowShortTitles()
    {
        // Three at a time, as the card offers at most three suggestions, so every entry appears on a button once.
        foreach (var suggestions in Knowledge.Faqs.Chunk(3))
        {
            var card = AdaptiveCardSerializer.SerializeToElement(DidYouMeanCard.Build(Messages, suggestions));

            var asked = AssertButtonsUseShortTitles(card);
            Assert.Equal(suggestions.Select(s => s.Id), asked);
        }
    }

    /// <summary>Checks every button on the card and returns the FAQ ids its faq-ask buttons offer, in order.</summary>
    private static List<string> AssertButtonsUseShortTitles(JsonElement card)
    {
        var asked = new List<string>();
        foreach (var action in Actions(card))
        {
            var title = action.GetProperty("title").GetString();
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.True(title.Length <= FaqEntry.MaxTitleLength, $"button '{title}' has {title.Length} characters");
            if (action.TryGetProperty("data", out var data)
                && data.TryGetProperty("action", out var kind) && kind.GetString() == CardActions.FaqAsk)
            {
                var faqId = data.GetProperty("faqId").GetString()!;
                Assert.Equal(Knowledge.FindFaq(faqId)!.Title, title);
                asked.Add(faqId);
            }
        }

        return asked;
    }

    private static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().SelectMany(Actions);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        // Buttons (actions) and tappable lines (selectAction) both offer entries.
        var own = element.TryGetProperty("actions", out var actions) ? actions.EnumerateArray().ToList() : [];
        if (element.TryGetProperty("selectAction", out var select))
        {
            own.Add(select);
        }

        return own.Concat(element.EnumerateObject().Where(p => p.Name is not "actions" and not "selectAction").SelectMany(p => Actions(p.Value)));
    }
}
