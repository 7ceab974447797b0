using System.Globalization;
using System.Text.Json;
using CertBot.Cards;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Knowledge;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Text;

namespace CertBot.Tests.Composition;

/// <summary>Course ratings on the recommendation card say their scale and where they come from, from dialogs/messages.en.yaml.</summary>
public sealed class CourseRatingTests
{
    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
    private static readonly BotMessages Messages = BotMessages.Load(Path.Combine(Dialogs, "messages.en.yaml"));
    private static readonly KnowledgeBase Knowledge =
        KnowledgeLoader.Load(Path.Combine(Dialogs, "knowledge.yaml"), KnowledgeValidationOptions.Default).Knowledge
        ?? throw new InvalidDataException("dialogs/knowledge.yaml did not load");

    [Fact]
    public void Load_RealFile_RatingTemplateGivesTheScale() =>
        Assert.Contains("{rating}/10", Messages.Recommendation.Rating, StringComparison.Ordinal);

    [Fact]
    public void RecommendationCard_CoursePath_ShowsEveryRatingWithTheTemplate()
    {
        var recommendation = new Recommender(Knowledge).Recommend(new LearnerProfile(Role.SoftwareEngineer, 0, TargetCloud.Gcp, 0));

        var card = AdaptiveCardSerializer.SerializeToElement(RecommendationCard.Build(Messages, Knowledge, recommendation, new RecommendationCardOptions()));
        var text = string.Join("\n", Strings(card));

        Assert.NotEmpty(recommendation.CoursePath);
        foreach (var step in recommendation.CoursePath)
        {
            var rating = TemplateText.Fill(Messages.Recommendation.Rating, ("rating", step.Course.Rating.ToString("0.0", CultureInfo.InvariantCulture)));
            Assert.Contains($"{step.Course.Title}** ({step.Course.Provider}, {rating})", text, StringComparison.Ordinal);
        }
    }

    // Every string value on the card, unescaped, so the check does not depend on how the serializer escapes quotes.
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
