using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>One credential on its own, as inserted into a chat from the message extension.</summary>
public static class CredentialCard
{
    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(credential);
        var actions = new List<AdaptiveAction>
        {
            CardButtons.Submit(messages.Recommendation.GetMine, new CardActionData { Action = CardActions.GetMyOwn }),
            new AdaptiveOpenUrlAction { Title = credential.Vendor, Url = credential.OfficialLink },
        };
        return new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTextBlock { Text = CredentialFacts.Title(messages.Format, credential), Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
                new AdaptiveTextBlock { Text = credential.Vendor, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.None },
                CredentialFacts.Status(messages.Comparison, knowledge, credential),
                CredentialFacts.Build(messages, credential),
                CredentialFacts.Checked(messages.Recommendation, credential.LastVerified),
            ],
            Actions = actions,
            FallbackText = TemplateText.Fill(messages.Format.WithVendor, ("name", CredentialFacts.Title(messages.Format, credential)), ("vendor", credential.Vendor)),
        };
    }
}
