using CertBot.Dialogs;

namespace CertBot.Conversation;

/// <summary>Everything CertBot says and understands in one language: its wording, its profile dialog and its feature phrases.</summary>
/// <param name="Locale">The catalogue's locale tag ("en", "fr", "qps-ploc").</param>
/// <param name="Messages">The wording of messages.{locale}.yaml laid over English.</param>
/// <param name="Dialog">The profile dialog of profile.dialog.{locale}.yaml laid over English.</param>
/// <param name="Intents">The feature and small-talk phrases of <paramref name="Messages"/>.</param>
public sealed record LocaleCatalogue(string Locale, BotMessages Messages, ProfileDialog Dialog, HostIntentRecognizer Intents);
