using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Hosting;

/// <summary>
/// 10,000 generated bad bodies (a deterministic seed) through the real bot: wrong types, missing and huge fields, nulls
/// in lists, control characters, truncated and corrupted JSON, on messages, invokes and conversation updates. No
/// response may be a 500, and none may carry internal detail.
/// </summary>
public sealed partial class BadBodyFuzzTests : IAsyncLifetime
{
    private const int Bodies = 10_000;
    private const int Seed = 20_261_201;

    private static readonly string[] Paths =
    [
        "type", "id", "from", "from.id", "from.name", "from.aadObjectId", "recipient", "recipient.id", "conversation", "conversation.id",
        "conversation.conversationType", "conversation.isGroup", "conversation.tenantId", "serviceUrl", "channelId", "text", "textFormat",
        "entities", "attachments", "value", "value.action", "value.action.type", "value.action.data", "value.commandId", "value.parameters",
        "value.queryOptions", "value.data", "name", "channelData", "channelData.tenant", "channelData.tenant.id", "membersAdded",
        "membersRemoved", "locale", "deliveryMode", "timestamp", "localTimestamp", "replyToId", "suggestedActions", "action", "reactionsAdded",
    ];

    private static readonly string[] Names = ["composeExtension/query", "adaptiveCard/action", "", "signin/verifyState", "task/fetch", "config/fetch"];

    private CertBotServer _server = null!;
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _server = await CertBotServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_TenThousandBadBodies_NoServerErrorAndNoInternalDetail()
    {
        var random = new Random(Seed);
        var bodies = Enumerable.Range(0, Bodies).Select(_ => Generate(random)).ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        using var gate = new SemaphoreSlim(4);

        await Task.WhenAll(bodies.Select(async body =>
        {
            await gate.WaitAsync();
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await _server.Http.PostAsync("api/messages", content);
                var text = await response.Content.ReadAsStringAsync();
                lock (failures)
                {
                    statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                    // 501 is the protocol's answer to an invoke no handler knows; any other 5xx is a failure here.
                    if (((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented) || LeaksInternals(text))
                    {
                        failures.Add($"HTTP {(int)response.StatusCode} {Cut(text)} for {Cut(Encoding.UTF8.GetString(body))}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.\n{string.Join("\n", failures.Take(5))}");
        // The generator must reach both the validator and real turns, or the test proves little.
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 1000, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 1000, string.Join(", ", statuses));
    }

    private static bool LeaksInternals(string body) =>
        body.Contains("Exception", StringComparison.Ordinal)
        || body.Contains("   at ", StringComparison.Ordinal)
        || body.Contains(".cs:line", StringComparison.Ordinal)
        || InternalName().IsMatch(body)
        || body.Contains("/work/", StringComparison.Ordinal);

    // Type names (System.Text.Json, CertBot.Protocol.Hosting...) but not the bot's name at the end of a sentence.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(System|Microsoft|CertBot)\.[A-Z][A-Za-z]+\.")]
    private static partial System.Text.RegularExpressions.Regex InternalName();

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private byte[] Generate(Random random)
    {
        var chat = new TestChat(_server, random.Next(3) switch { 0 => "personal", 1 => "groupChat", _ => "channel" }, serviceUrl: _connector.ServiceUrl);
        var activity = (random.Next(4)) switch
        {
            0 => chat.Activity("invoke", a =>
            {
                a["name"] = Names[random.Next(Names.Length)];
                a["value"] = JsonNode.Parse("{\"commandId\":\"searchCertifications\",\"parameters\":[{\"name\":\"query\",\"value\":\"aws\"}],\"action\":{\"type\":\"Action.Execute\",\"data\":{\"action\":\"help\"}}}");
            }),
            1 => chat.Activity("conversationUpdate", a => a["membersAdded"] = JsonNode.Parse($"[{{\"id\":\"{TestChat.BotId}\"}}]")),
            2 => chat.Activity("message", a => a["value"] = JsonNode.Parse("{\"action\":\"help\"}")),
            _ => chat.Activity("message", a =>
            {
                a["text"] = $"<at>{TestChat.BotName}</at> which cert should I get?";
                a["entities"] = JsonNode.Parse($"[{{\"type\":\"mention\",\"text\":\"<at>{TestChat.BotName}</at>\",\"mentioned\":{{\"id\":\"{TestChat.BotId}\"}}}}]");
            }),
        };
        if (random.Next(2) == 0)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(activity, Paths[random.Next(Paths.Length)], random);
        }

        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        return random.Next(10) switch
        {
            0 => bytes[..random.Next(bytes.Length)],
            1 => Corrupt(bytes, random),
            _ => bytes,
        };
    }

    private static void Mutate(JsonObject activity, string path, Random random)
    {
        var parts = path.Split('.');
        JsonNode? parent = activity;
        foreach (var part in parts[..^1])
        {
            parent = parent is JsonObject o ? o[part] : null;
        }

        if (parent is not JsonObject target)
        {
            return;
        }

        if (random.Next(6) == 0)
        {
            target.Remove(parts[^1]);
            return;
        }

        target[parts[^1]] = Value(random);
    }

    private static JsonNode? Value(Random random) => random.Next(16) switch
    {
        0 => null,
        1 => 0,
        2 => -1,
        3 => 1e308,
        4 => true,
        5 => "",
        6 => new string('x', 2000 + random.Next(200_000)),
        7 => "line\nbreak\r\u0000\u001b[31m\u202E",
        8 => new JsonArray(),
        9 => JsonNode.Parse("[null]"),
        10 => new JsonObject(),
        11 => JsonNode.Parse("{\"a\":[{}],\"id\":5,\"type\":[]}"),
        12 => JsonNode.Parse(new string('[', 60) + new string(']', 60)),
        13 => JsonNode.Parse("[{\"type\":\"mention\",\"mentioned\":null,\"text\":null},{\"type\":5},null]"),
        14 => "https://evil.example/" + random.Next(),
        _ => JsonNode.Parse("{\"action\":{\"type\":\"Action.Execute\",\"data\":[1]},\"commandId\":[],\"parameters\":[{\"name\":{}}],\"queryOptions\":{\"count\":-5}}"),
    };

    private static byte[] Corrupt(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + random.Next(5) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }
}
