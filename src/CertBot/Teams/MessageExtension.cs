using System.Text.Json;
using CertBot.Cards;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Dialogs;
using CertBot.Knowledge;
using CertBot.Protocol.Hosting;

namespace CertBot.Teams;

/// <summary>
/// The search-based message extension: what a person types in any compose box ("aws", "google ml engineer",
/// "data scientist 3 years gcp") becomes a list of credential cards, and a recommendation card when the
/// text describes a profile, ready to insert into the conversation.
/// </summary>
public sealed class MessageExtension(TurnKnowledge knowledge)
{
    public const string QueryParameter = "query";
    private const int DefaultCount = 10;
    private const int MaxCount = 25;

    /// <summary>
    /// The query of a <c>composeExtension/query</c> invoke, or null when the value is not one (not an object, or a
    /// <c>commandId</c>, <c>parameters</c> or <c>queryOptions</c> of the wrong type): the invoke then gets 400.
    /// </summary>
    public static MessagingExtensionQuery? ReadQuery(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        try
        {
            return raw.Deserialize(TeamsJsonContext.Default.MessagingExtensionQuery);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The results for a query, in the words of <paramref name="catalogue"/> and the knowledge of the invoke's locale.</summary>
    public InvokeResponse Query(ITurnContext turn, MessagingExtensionQuery query, LocaleCatalogue catalogue, string sharerName)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalogue);
        var messages = catalogue.Messages;
        var text = QueryText(query);
        var snapshot = knowledge.For(turn);
        var results = new List<MessagingExtensionAttachment>();
        if (text.Length > 0 && TryProfile(catalogue.Dialog, text, out var profile))
        {
            results.Add(RecommendationResult(messages, snapshot, profile, sharerName));
        }

        results.AddRange(Search(messages.MessageExtension, snapshot.Knowledge, text).Select(credential => CredentialResult(messages, snapshot.Knowledge, credential)));
        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? DefaultCount, 1, MaxCount);
        var page = results.Skip(skip).Take(count).ToList();
        if (page.Count == 0)
        {
            return Respond(new MessagingExtensionResult("message", Text: messages.MessageExtension.NoResults));
        }

        return Respond(new MessagingExtensionResult("result", "list", page));
    }

    /// <summary>Credentials whose name, vendor, exam code, cloud or topics contain the query words; current ones first.</summary>
    public static IReadOnlyList<Credential> Search(MessageExtensionMessages vocabulary, KnowledgeBase knowledge, string text)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(knowledge);
        var words = PlainText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 2).ToArray();
        return knowledge.Credentials
            .Select(credential => (Credential: credential, Score: Score(Haystack(vocabulary, credential), words)))
            .Where(scored => scored.Score > 0)
            .OrderByDescending(scored => scored.Score)
            .ThenBy(scored => scored.Credential.Status == CredentialStatus.Retired)
            .Select(scored => scored.Credential)
            .ToList();
    }

    // Built once per credential, then searched for every query word.
    private static int Score(string haystack, string[] words)
        => words.Length == 0 ? 1 : words.Count(word => haystack.Contains(word, StringComparison.Ordinal));

    private static string Haystack(MessageExtensionMessages vocabulary, Credential credential)
    {
        var platformWords = vocabulary.PlatformWords.GetValueOrDefault(credential.Platform.ToString().ToLowerInvariant(), "");
        var haystack = PlainText.Normalize(string.Join(' ', [credential.Name, credential.Vendor, credential.ExamCode ?? "", platformWords, .. credential.Covers]));
        foreach (var (phrase, searchedAs) in vocabulary.AlsoFoundBy)
        {
            haystack = haystack.Replace(phrase, searchedAs, StringComparison.Ordinal);
        }

        return haystack;
    }

    private static bool TryProfile(ProfileDialog dialog, string text, out LearnerProfile profile)
    {
        var values = dialog.Extract(text).Values;
        var slots = new Dictionary<string, string>(values, StringComparer.Ordinal);
        if (!slots.ContainsKey(LearnerProfileMapping.RoleSlot))
        {
            profile = default!;
            return false;
        }

        // A search box is not an interview: assume what is missing rather than ask.
        slots.TryAdd(LearnerProfileMapping.MlYearsSlot, "0");
        slots.TryAdd(LearnerProfileMapping.CloudSlot, TargetCloud.Undecided.ToWireName());
        return LearnerProfileMapping.TryFromSlots(slots, out profile);
    }

    private static MessagingExtensionAttachment RecommendationResult(BotMessages messages, KnowledgeSnapshot snapshot, LearnerProfile profile, string sharerName)
    {
        var recommendation = snapshot.Recommender.Recommend(profile);
        var card = RecommendationCard.Build(messages, snapshot.Knowledge, recommendation, new RecommendationCardOptions(SharedBy: sharerName));
        var title = TemplateText.Fill(
            messages.MessageExtension.RecommendationTitle,
            ("role", messages.Recommendation.Roles.GetValueOrDefault(profile.Role.ToWireName(), profile.Role.ToWireName())),
            ("years", LearnerProfileMapping.FormatYears(profile.MlYears)),
            ("cloud", messages.Recommendation.Clouds.GetValueOrDefault(profile.Cloud.ToWireName(), profile.Cloud.ToWireName())));
        return Attachment(card, title, recommendation.Primary is { } primary ? CredentialFacts.Title(messages.Format, primary.Credential) : messages.Recommendation.NoPrimary);
    }

    private static MessagingExtensionAttachment CredentialResult(BotMessages messages, KnowledgeBase snapshot, Credential credential)
    {
        var card = CredentialCard.Build(messages, snapshot, credential);
        var status = credential.Status == CredentialStatus.Retired
            ? CredentialFacts.RetiredText(messages.Comparison, snapshot, credential)
            : credential.Vendor;
        return Attachment(card, CredentialFacts.Title(messages.Format, credential), status);
    }

    // Previews carry no tap: Teams then inserts the attached card as is (no selectItem round trip), and clients
    // that do not support invoke taps (the Agents Playground) still list the results.
    private static MessagingExtensionAttachment Attachment(AdaptiveCard card, string title, string? text)
        => new(
            CardAttachment.ContentType,
            CardAttachment.Content(card),
            new MessagingExtensionPreview("application/vnd.microsoft.card.thumbnail", new ThumbnailCard(title, text)));

    private static string QueryText(MessagingExtensionQuery query)
    {
        var parameters = query.Parameters?.Where(parameter => parameter is not null).ToList() ?? [];
        if (parameters.Any(parameter => parameter.Name == "initialRun"))
        {
            return "";
        }

        // Teams names the parameter as the manifest does; some clients send it unnamed, so fall back to the first text.
        var chosen = parameters.FirstOrDefault(parameter => parameter.Name == QueryParameter)
            ?? parameters.FirstOrDefault(parameter => parameter.Value is { ValueKind: JsonValueKind.String });
        return chosen?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString()?.Trim() ?? "" : "";
    }

    private static InvokeResponse Respond(MessagingExtensionResult result)
        => new(200, JsonSerializer.SerializeToElement(new MessagingExtensionResponse(result), TeamsJsonContext.Default.MessagingExtensionResponse));
}
