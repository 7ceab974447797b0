using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;

namespace CertBot.Protocol.Tests.Serialization;

public sealed class RawJsonElementConverterTests
{
    // Strings the default encoder escapes (quotes, HTML-sensitive characters, '+', non-ASCII, an emoji, control characters).
    private static readonly JsonObject Card = new()
    {
        ["type"] = "AdaptiveCard",
        ["body"] = new JsonArray(new JsonObject { ["text"] = "\"Azure\" <AI-102> & C++ 'é' 😀 \n\t\\ end", ["size"] = 1.50 }),
        ["actions"] = new JsonArray(),
        ["empty"] = null,
    };

    [Fact]
    public void Write_ContentFromThisProcess_SameBytesAsReEncoding()
    {
        var content = Written(Card);
        var reEncoded = JsonSerializer.Serialize(content, ProtocolJsonContext.Default.JsonElement);

        var json = JsonSerializer.Serialize(Message(content), ProtocolJsonContext.Default.Activity);

        Assert.Equal("{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":" + reEncoded + "}]}", json);
    }

    [Fact]
    public void ReadThenWrite_RoundTrip_IdenticalBytes()
    {
        var content = Written(Card);
        var json = JsonSerializer.SerializeToUtf8Bytes(Message(content), ProtocolJsonContext.Default.Activity);

        var again = JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!, ProtocolJsonContext.Default.Activity);

        Assert.Equal(json, again);
    }

    [Fact]
    public void Write_EscapesOfReadContent_KeptAsTheyWere()
    {
        const string content = """{"text":"\u00e9 \/ caf\u00C9","n":1.0e2}""";
        var activity = JsonSerializer.Deserialize("""{"type":"message","attachments":[{"content":""" + content + "}]}", ProtocolJsonContext.Default.Activity)!;

        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","attachments":[{"content":""" + content + "}]}", json);
    }

    [Fact]
    public void Write_NullContent_Omitted()
    {
        var json = JsonSerializer.Serialize(Message(null), ProtocolJsonContext.Default.Activity);

        Assert.Equal("{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\"}]}", json);
    }

    [Fact]
    public void Read_NullContent_IsNull()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"message","attachments":[{"contentType":"x","content":null}]}""", ProtocolJsonContext.Default.Activity)!;

        Assert.Null(activity.Attachments![0].Content);
    }

    [Fact]
    public void Write_ContentInsideExpectedReplies_SameAsOneActivity()
    {
        var message = Message(Written(Card));
        var one = JsonSerializer.Serialize(message, ProtocolJsonContext.Default.Activity);

        var body = JsonSerializer.Serialize(new ExpectedReplies([message, message]), ProtocolJsonContext.Default.ExpectedReplies);

        Assert.Equal("{\"activities\":[" + one + "," + one + "]}", body);
    }

    // JSON as this process writes it (the default encoder), read back as an element: what a card's content is.
    private static JsonElement Written(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static Activity Message(JsonElement? content) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = content }],
    };
}
