using CertBot.Protocol.Schema;

namespace CertBot.Benchmarks;

/// <summary>The message a benchmark sends: a new person in a new personal chat, replies in the response.</summary>
internal static class BenchActivities
{
    public static Activity Message(string id, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        DeliveryMode = DeliveryModes.ExpectReplies,
        From = new ChannelAccount { Id = "29:" + id },
        Recipient = new ChannelAccount { Id = "28:certbot" },
        Conversation = new ConversationAccount { Id = "a:" + id, ConversationType = "personal" },
        Text = text,
    };
}
