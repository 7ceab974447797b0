using System.Text.Json;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;

namespace CertBot.Protocol.Tests.Serialization;

public sealed class ProtocolJsonContextTests
{
    [Fact]
    public void Serialize_Activity_CamelCaseWithoutNulls()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", ReplyToId = "1", Text = null }, ProtocolJsonContext.Default.Activity);

        Assert.Equal("{\"type\":\"message\",\"replyToId\":\"1\"}", json);
    }

    [Fact]
    public void Deserialize_DifferentCasing_Accepted()
    {
        var activity = JsonSerializer.Deserialize("{\"Type\":\"message\",\"SERVICEURL\":\"https://x/\"}", ProtocolJsonContext.Default.Activity)!;

        Assert.Equal(("message", "https://x/"), (activity.Type, activity.ServiceUrl));
    }

    [Fact]
    public void Deserialize_TeamsMessage_ReadsTypedFieldsAndTimestamps()
    {
        const string json = """
            {"type":"message","id":"1485983408511","timestamp":"2017-02-01T21:10:07.437Z","localTimestamp":"2017-02-01T14:10:07.437-07:00",
             "serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams",
             "from":{"id":"29:1XJ","name":"Jane","aadObjectId":"ab"},"conversation":{"id":"a:17I","conversationType":"personal","tenantId":"t1","isGroup":false},
             "recipient":{"id":"28:c9e8","name":"CertBot"},"text":"hi","entities":[{"type":"mention","mentioned":{"id":"28:c9e8","name":"CertBot"},"text":"<at>CertBot</at>"}],
             "value":{"action":"x"},"membersAdded":[{"id":"28:c9e8"}],"reactionsAdded":[{"type":"like"}]}
            """;

        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;

        Assert.Equal(new DateTimeOffset(2017, 2, 1, 21, 10, 7, 437, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("28:c9e8", activity.Entities![0].Mentioned!.Id);
        Assert.Equal("x", activity.Value!.Value.GetProperty("action").GetString());
        Assert.Equal("like", activity.ReactionsAdded![0].Type);
        Assert.False(activity.Conversation!.IsGroup);
    }

    [Fact]
    public void Deserialize_NestingBeyond128_Throws()
    {
        var deep = "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(deep, ProtocolJsonContext.Default.Activity));
    }

    [Fact]
    public void Serialize_ExpectedReplies_UsesActivitiesProperty()
    {
        var json = JsonSerializer.Serialize(new ExpectedReplies([new Activity { Type = "message", Text = "a" }]), ProtocolJsonContext.Default.ExpectedReplies);

        Assert.Equal("{\"activities\":[{\"type\":\"message\",\"text\":\"a\"}]}", json);
    }
}
