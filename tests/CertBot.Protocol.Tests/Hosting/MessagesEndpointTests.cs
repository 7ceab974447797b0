using System.Net;
using System.Text.Json;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Tests.Hosting;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["BotFramework:MaxRequestBodyBytes"] = "4096",
        ["BotFramework:ErrorMessage"] = "Custom apology.",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_NonJsonContentType_Returns415(string contentType)
    {
        using var response = await _host.PostRawAsync("{\"type\":\"message\"}", "Bearer " + _host.Token(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        using var response = await _host.PostAsync(_host.Message(new string('x', 5000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _host.Probe.Turns);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        var json = JsonSerializer.Serialize(_host.Message(new string('x', 5000)), ProtocolJsonContext.Default.Activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task Post_MissingRequiredField_Returns400ProblemWithoutInternals(string field)
    {
        var activity = _host.Message("hi");
        if (field == "conversation")
        {
            activity.Conversation = null;
        }
        else
        {
            activity.ServiceUrl = null;
        }

        using var response = await _host.PostAsync(activity, "Bearer " + _host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_ProblemHasNoParserDetail()
    {
        using var response = await _host.PostRawAsync("{\"type\":\"message\",\"text\":", "Bearer " + _host.Token());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("LineNumber", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_SameActivityIdTwice_ProcessedOnce()
    {
        var activity = _host.Message("hello");

        using var first = await _host.PostAsync(activity);
        using var second = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, _host.Probe.Turns);
        Assert.Single(_host.ConnectorRequests);
    }

    [Fact]
    public async Task Post_SameActivityIdInOtherConversation_ProcessedAgain()
    {
        var first = _host.Message("hello");
        var second = _host.Message("hello");
        second.Id = first.Id;

        using var r1 = await _host.PostAsync(first);
        using var r2 = await _host.PostAsync(second);

        Assert.Equal(2, _host.Probe.Turns);
    }

    [Fact]
    public async Task Post_BotThrows_Returns500EmptyAndApologizesAndLogsIdWithoutText()
    {
        var activity = _host.Message("throw");

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var apology = JsonSerializer.Deserialize(Assert.Single(_host.ConnectorRequests).Body, ProtocolJsonContext.Default.Activity)!;
        Assert.Equal("Custom apology.", apology.Text);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains(activity.Id!, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => $"{r.Message} {r.Exception?.Message}" is var line && (line.Contains("Jane Doe", StringComparison.Ordinal) || line.Contains("29:user-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Post_BotThrowsWithExpectReplies_Returns200WithApologyInBody()
    {
        var activity = _host.Message("throw");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), ProtocolJsonContext.Default.ExpectedReplies)!;
        Assert.Equal("Custom apology.", Assert.Single(replies.Activities).Text);
        Assert.Empty(_host.ConnectorRequests);
    }

    [Fact]
    public async Task Post_InvokeWithExpectReplies_ReturnsStatusRepliesAndInvokeResponse()
    {
        var activity = _host.Invoke("test/reply");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var activities = body.GetProperty("activities");
        Assert.Equal("working on it", activities[0].GetProperty("text").GetString());
        Assert.Equal("invokeResponse", activities[1].GetProperty("type").GetString());
        Assert.Equal(200, activities[1].GetProperty("value").GetProperty("status").GetInt32());
        Assert.Equal(1, activities[1].GetProperty("value").GetProperty("body").GetProperty("done").GetInt32());
        Assert.Equal(1, body.GetProperty("body").GetProperty("done").GetInt32());
        Assert.Empty(_host.ConnectorRequests);
    }

    [Fact]
    public async Task Post_ExpectRepliesWithoutServiceUrl_WithAppId_Returns401()
    {
        var activity = _host.Message("hello");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.ServiceUrl = null;

        using var response = await _host.PostAsync(activity, "Bearer " + TestKeys.Mint(_host.AppId!, ""));

        // The token's serviceurl claim must still equal the (absent) serviceUrl, which an empty claim is not.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExpectRepliesWithoutServiceUrl_LocalMode_Returns200()
    {
        await using var local = await BotHost.StartAsync(localMode: true);
        var activity = local.Message("hello");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.ServiceUrl = null;

        using var response = await local.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), ProtocolJsonContext.Default.ExpectedReplies)!;
        Assert.Equal("echo: hello", Assert.Single(replies.Activities).Text);
    }

    [Theory]
    [InlineData("{\"tenant\":{\"id\":\"allowed-tenant\"}}", null, HttpStatusCode.OK)]
    [InlineData(null, "ALLOWED-TENANT", HttpStatusCode.OK)]
    [InlineData("{\"tenant\":{\"id\":\"other-tenant\"}}", "allowed-tenant", HttpStatusCode.Forbidden)]
    [InlineData(null, null, HttpStatusCode.Forbidden)]
    public async Task Post_TenantAllowList_ChecksChannelDataThenConversation(string? channelData, string? conversationTenant, HttpStatusCode expected)
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["BotFramework:AllowedTenantIds:0"] = "allowed-tenant",
        });
        var activity = host.Message("hi");
        activity.ChannelData = channelData is null ? null : JsonDocument.Parse(channelData).RootElement;
        activity.Conversation!.TenantId = conversationTenant;

        using var response = await host.PostAsync(activity);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, host.Probe.Turns);
    }

    [Fact]
    public async Task Post_ForgedCallerId_IsReplacedByValidatedValue()
    {
        var activity = _host.Message("hi");
        activity.CallerId = "urn:botframework:forged";

        using var response = await _host.PostAsync(activity);

        Assert.Equal("urn:botframework:azure", Assert.Single(_host.Probe.Received).CallerId);
    }

    [Fact]
    public async Task Healthz_Returns200_Readyz_Returns200WhenStoragePings()
    {
        using var health = await _host.Client.GetAsync("/healthz");
        using var ready = await _host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readyz_StorageDown_Returns503()
    {
        await using var host = await BotHost.StartAsync(services: s =>
            s.AddSingleton<CertBot.Protocol.State.IStorage>(new DownStorage()));

        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Post_CustomMessagesPath_IsUsed()
    {
        await using var host = await BotHost.StartAsync(localMode: true, settings: new Dictionary<string, string?>
        {
            ["BotFramework:MessagesPath"] = "/bot/inbox",
        });

        using var old = await host.Client.PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var custom = await host.Client.PostAsync("/bot/inbox", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, custom.StatusCode);
    }

    private sealed class DownStorage : CertBot.Protocol.State.IStorage
    {
        public Task<IReadOnlyDictionary<string, CertBot.Protocol.State.StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => throw new IOException("down");
        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, CertBot.Protocol.State.StoreItem> changes, CancellationToken cancellationToken = default) => throw new IOException("down");
        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => throw new IOException("down");
        public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default) => throw new IOException("down");
        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => throw new IOException("down");
    }
}
