namespace CertBot.Conversation;

/// <summary>
/// The data CertBot puts on its card buttons; it comes back as <c>value</c> on a message activity
/// (Action.Submit) or inside an <c>adaptiveCard/action</c> invoke (Action.Execute). Other tools rely on
/// the faq-feedback, faq-ask and share-recommendation shapes.
/// </summary>
public sealed record CardActionData
{
    public string? Action { get; init; }
    public string? FaqId { get; init; }
    public bool? Helpful { get; init; }

    /// <summary>On feedback buttons: the normalised words the person typed that led to the answer, so a curator sees what was asked (never who asked).</summary>
    public string? Asked { get; init; }
    public string? Slot { get; init; }
    public string? Value { get; init; }
    public string? CredentialId { get; init; }
    public SharedProfile? Profile { get; init; }
}

/// <summary>A profile as carried on share buttons: role, ML years (fractions allowed) and cloud, in wire names.</summary>
public sealed record SharedProfile(string? Role, decimal? MlYears, string? Cloud, decimal? CloudYears = null);

/// <summary>The action names CertBot's buttons carry.</summary>
public static class CardActions
{
    public const string FaqFeedback = "faq-feedback";
    public const string FaqAsk = "faq-ask";
    public const string ShareRecommendation = "share-recommendation";
    public const string StartRecommendation = "start-recommendation";
    public const string GetMyOwn = "get-my-own-recommendation";
    /// <summary>The name of <see cref="Features.CompareFeature"/>, whose buttons other cards carry too.</summary>
    public const string Compare = "compare";
    public const string Ask = "ask";

    /// <summary>The name of <see cref="Features.HelpFeature"/>.</summary>
    public const string Help = "help";
    public const string ProfileAnswer = "profile-answer";
    public const string StartOver = "start-over";
}
