using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>Issue 10's bad-input table at the endpoint: each body gets a 400 problem (or is handled), never a 500.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["BotFramework:MaxIdentifierLength"] = "1024",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> Rejected => new()
    {
        // name, JSON path to change ("-" removes), new value as JSON
        { "no from", "from", "-" },
        { "from without id", "from.id", "-" },
        { "from.id a number", "from.id", "42" },
        { "from.id an object", "from.id", "{\"x\":1}" },
        { "from a string", "from", "\"29:user\"" },
        { "id of 100,000 characters", "id", Long(100_000) },
        { "from.id of 100,000 characters", "from.id", Long(100_000) },
        { "from.name of 2,000 characters", "from.name", Long(2_000) },
        { "conversation.id of 100,000 characters", "conversation.id", Long(100_000) },
        { "recipient.id of 5,000 characters", "recipient.id", Long(5_000) },
        { "channelId of 5,000 characters", "channelId", Long(5_000) },
        { "serviceUrl not a URL", "serviceUrl", "\"not a url\"" },
        { "serviceUrl with another scheme", "serviceUrl", "\"file:///etc/passwd\"" },
        { "entities an object", "entities", "{\"type\":\"mention\"}" },
        { "entity a number", "entities", "[1]" },
        { "mentioned a string", "entities", "[{\"type\":\"mention\",\"mentioned\":\"28:bot\"}]" },
        { "type a number", "type", "7" },
        { "id with a newline", "id", "\"act\\nInformation: forged\"" },
        { "conversation.id with a NUL", "conversation.id", "\"a:conv\\u0000x\"" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Post_BadActivity_Returns400ProblemAndRunsNoTurn(string name, string path, string value)
    {
        using var response = await _host.PostRawAsync(Mutate(path, value), "Bearer " + _host.Token());
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: HTTP {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.True(body.Length < 512, $"{name}: the problem body echoes input ({body.Length} chars)");
        Assert.Equal(0, _host.Probe.Turns);
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("[null,{\"type\":\"mention\",\"mentioned\":null}]")]
    [InlineData("[{}]")]
    public async Task Post_EntitiesOfTheWrongShape_IgnoredAndTurnAnswers(string entities)
    {
        using var response = await _host.PostRawAsync(Mutate("entities", entities), "Bearer " + _host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Probe.Turns);
        Assert.Contains("echo: hello", Assert.Single(_host.ConnectorRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_IdsAtTheLimit_Accepted()
    {
        using var response = await _host.PostRawAsync(Mutate("from.name", Long(1024)), "Bearer " + _host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NullsInMemberLists_Ignored()
    {
        var activity = JsonNode.Parse(Mutate("type", "\"conversationUpdate\""))!.AsObject();
        activity.Remove("text");
        activity["membersAdded"] = JsonNode.Parse("[null, {\"id\":\"28:" + _host.AppId + "\"}]");
        activity["recipient"] = JsonNode.Parse("{\"id\":\"28:" + _host.AppId + "\"}");

        using var response = await _host.PostRawAsync(activity.ToJsonString(), "Bearer " + _host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("welcome", Assert.Single(_host.ConnectorRequests).Body, StringComparison.Ordinal);
    }

    private string Mutate(string path, string value)
    {
        var activity = JsonNode.Parse(JsonSerializer.Serialize(_host.Message("hello"), ProtocolJsonContext.Default.Activity))!.AsObject();
        var parts = path.Split('.');
        var parent = activity;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (value == "-")
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        return activity.ToJsonString();
    }

    private static string Long(int length) => JsonSerializer.Serialize(new string('9', length));
}
