namespace CertBot.Conversation;

/// <summary>Features a message can open directly, outside the profile dialog and the FAQ, and small talk.</summary>
public enum HostIntent
{
    None,
    Compare,
    Ask,
    Help,
    Share,
    Result,
    Greeting,
    Thanks,
    Bye,
    Acknowledge,
}
