namespace CertBot.Cards;

/// <summary><c>Action.OpenUrl</c>: opens a link in the browser.</summary>
public sealed record AdaptiveOpenUrlAction : AdaptiveAction
{
    /// <summary>Absolute https or mailto URL; anything else throws <see cref="ArgumentException"/>.</summary>
    public required Uri Url
    {
        get;
        init => field = CardUrl.RequireHttpsOrMailto(value, nameof(Url));
    }
}
