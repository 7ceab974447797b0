using System.Text.Json.Nodes;

namespace CertBot.Tests.Support;

/// <summary>One person in one conversation, talking to the real endpoint the way Teams would deliver their messages.</summary>
public sealed class TestChat(CertBotServer server, string conversationType = "personal", string? userId = null, string userName = "Ada", string? conversationId = null, string serviceUrl = "https://smba.trafficmanager.net/amer/", string locale = "en-US")
{
    public const string BotId = "28:certbot-test";
    private readonly string _userId = userId ?? "29:user-" + Guid.NewGuid().ToString("N")[..12];
    public const string BotName = "CertBot";
    private int _sequence;

    public string ConversationId { get; } = conversationId ?? (conversationType == "personal" ? "a:" : "19:") + Guid.NewGuid().ToString("N");

    /// <summary>The replies of the last turn, for clicking their buttons.</summary>
    public Replies Last { get; private set; } = new([]);

    public TestChat As(string otherUserId, string otherUserName) => new(server, conversationType, otherUserId, otherUserName, ConversationId, serviceUrl, locale);

    public Task<Replies> InstallAsync() => SendAsync(Activity("conversationUpdate", a => a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = BotName })));

    /// <summary>Types a message; in group chats and channels <paramref name="mention"/> adds the @CertBot mention as Teams does.</summary>
    public Task<Replies> SayAsync(string text, bool mention = false) => SendAsync(Activity("message", a =>
    {
        if (mention)
        {
            a["text"] = $"<at>{BotName}</at> {text}";
            a["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{BotName}</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            });
        }
        else
        {
            a["text"] = text;
        }
    }));

    /// <summary>Presses the button with this title on the last replies (Action.Submit arrives as value on a message).</summary>
    public Task<Replies> ClickAsync(string title) => SubmitAsync(Last.Button(title));

    /// <summary>Sends any activity built with <see cref="Activity"/> and returns the replies.</summary>
    public Task<Replies> SubmitActivityAsync(JsonObject activity) => SendAsync(activity);

    public Task<Replies> SubmitAsync(JsonObject data) => SendAsync(Activity("message", a => a["value"] = data.DeepClone()));

    public Task<Replies> InvokeAsync(string name, JsonObject value) => SendAsync(Activity("invoke", a =>
    {
        a["name"] = name;
        a["value"] = value.DeepClone();
    }));

    public JsonObject Activity(string type, Action<JsonObject>? fill = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"act-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = _userId, ["name"] = userName, ["aadObjectId"] = "00000000-0000-0000-0000-" + (++_sequence).ToString("D12") },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject
            {
                ["id"] = ConversationId,
                ["conversationType"] = conversationType,
                ["isGroup"] = conversationType != "personal",
                ["tenantId"] = "72f988bf-0000-0000-0000-000000000001",
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000001" } },
            ["locale"] = locale,
        };
        fill?.Invoke(activity);
        return activity;
    }

    /// <summary>Delivers an activity the normal way (replies go to the Connector at serviceUrl); returns the HTTP status.</summary>
    public async Task<int> DeliverAsync(JsonObject activity)
    {
        using var response = await server.PostAsync(activity);
        return (int)response.StatusCode;
    }

    private async Task<Replies> SendAsync(JsonObject activity)
    {
        Last = new Replies(await server.ExpectRepliesAsync(activity));
        return Last;
    }
}
