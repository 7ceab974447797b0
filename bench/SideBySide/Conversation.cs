using System.Globalization;

namespace SideBySide;

/// <summary>
/// The eight turns every bot gets, in its own words: a welcome, a three-question recommendation, three FAQ questions
/// its knowledge covers. Every activity asks for expectReplies and names a service URL nobody listens on.
/// </summary>
internal sealed record Conversation(string Start, IReadOnlyList<string> Messages)
{
    public static readonly Conversation CertBot = new(
        "get a recommendation",
        ["get a recommendation", "data scientist", "4", "AWS",
         "do i need a certification to get hired", "how long to prepare for the google ml engineer exam", "is the aws machine learning specialty still available"]);

    public static readonly Conversation Peer = new(
        "hi",
        ["hi", "data scientist", "4", "AWS",
         "How much does the Google Cloud Professional Machine Learning Engineer exam cost?",
         "How should I prepare and study for the Google Cloud machine learning engineer exam?",
         "Do I need to know Python or write code to pass the machine learning certification?"]);

    /// <summary>The question sent as the very first request after start, for the cold-start figures.</summary>
    public string FirstQuestion => Messages[4];

    public int Turns => Messages.Count + 1;

    /// <summary>The user of the requests outside the load (cold start, client warm-up).</summary>
    public const string OneUser = "29:bench-user";

    /// <summary>
    /// Each simulated user's own id, as in real traffic: with one id for all of them, CertBot's per-user turn admission
    /// (and the user document's ETag) made every user's turns wait for every other's, which no real deployment sees.
    /// </summary>
    public static string UserId(int user) => "29:bench-user-" + user.ToString(CultureInfo.InvariantCulture);

    public static string ConversationUpdate(string conversationId, int sequence, string userId) => Envelope(
        "conversationUpdate", conversationId, sequence,
        "\"membersAdded\":[{\"id\":\"" + userId + "\",\"name\":\"Bench\"}],", userId);

    public static string Message(string conversationId, int sequence, string text, string userId = OneUser) => Envelope(
        "message", conversationId, sequence, $"\"text\":\"{text}\",", userId);

    private static string Envelope(string type, string conversationId, int sequence, string fields, string userId) =>
        "{\"type\":\"" + type + "\",\"id\":\"" + conversationId + "-" + sequence.ToString(CultureInfo.InvariantCulture) + "\"," + fields
        + "\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\",\"locale\":\"en-US\","
        + "\"from\":{\"id\":\"" + userId + "\",\"name\":\"Bench\"},\"recipient\":{\"id\":\"28:bot\",\"name\":\"Bot\"},"
        + "\"conversation\":{\"id\":\"" + conversationId + "\",\"conversationType\":\"personal\",\"tenantId\":\"bench\"}}";
}
