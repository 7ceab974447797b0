namespace CertBot.Conversation;

/// <summary>Features a message can open directly, outside the profile dialog and the FAQ, and small talk.</summary>
public enum HostIntent
{
    None,

    /// <summary>A registered <see cref="Features.ICardFeature"/>'s phrase; <see cref="RecognizedIntent.Feature"/> names it.</summary>
    Feature,
    Ask,
    Share,
    Result,
    Greeting,
    Thanks,
    Bye,
    Acknowledge,
}
