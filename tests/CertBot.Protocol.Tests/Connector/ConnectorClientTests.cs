using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private ConnectorClient _client = null!;
    private Uri _serviceUrl = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _host.Services.GetRequiredService<TrustedServiceUrls>().TrustValidated(_host.ServiceUrl);
        _client = _host.Services.GetRequiredService<ConnectorClient>();
        _serviceUrl = new Uri(_host.ServiceUrl);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Operations_UseSpecPathsAndMethods()
    {
        var conversation = "19:x@thread.tacv2;messageid=1";
        var escaped = Uri.EscapeDataString(conversation);

        var sent = await _client.SendToConversationAsync(_serviceUrl, conversation, new Activity { Type = "message", Text = "a" });
        await _client.UpdateActivityAsync(_serviceUrl, conversation, "m:1", new Activity { Type = "message", Id = "m:1", Text = "b" });
        await _client.DeleteActivityAsync(_serviceUrl, conversation, "m:1");
        await _client.CreateConversationAsync(_serviceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:u" }],
            TenantId = "t",
        });

        Assert.StartsWith("sent-", sent.Id, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("POST", $"/t/{_host.Scope}/v3/conversations/{escaped}/activities"),
                ("PUT", $"/t/{_host.Scope}/v3/conversations/{escaped}/activities/m%3A1"),
                ("DELETE", $"/t/{_host.Scope}/v3/conversations/{escaped}/activities/m%3A1"),
                ("POST", $"/t/{_host.Scope}/v3/conversations"),
            ],
            _host.ConnectorRequests.Select(r => (r.Method, r.Path)));
        Assert.Equal(conversation, _host.ConnectorRequests[0].ConversationHeader);
        var created = JsonDocument.Parse(_host.ConnectorRequests[3].Body).RootElement;
        Assert.Equal("29:u", created.GetProperty("members")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendToConversationAsync_401_RetriesOnceWithFreshToken()
    {
        _host.Channel.ScriptConnector(_host.Scope, (401, null));

        await _client.SendToConversationAsync(_serviceUrl, "a:1", new Activity { Type = "message", Text = "a" });

        Assert.Equal(2, _host.ConnectorRequests.Count);
        Assert.Equal(2, _host.Channel.TokenRequests(_host.AppId!).Count);
        Assert.NotEqual(_host.ConnectorRequests[0].Authorization, _host.ConnectorRequests[1].Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_TooLarge_ThrowsWithoutCalling()
    {
        var big = new Activity { Type = "message", Text = new string('é', 50_000) };

        var error = await Assert.ThrowsAsync<ActivityTooLargeException>(() => _client.SendToConversationAsync(_serviceUrl, "a:1", big));

        Assert.True(error.ActualBytes > error.LimitBytes);
        Assert.Empty(_host.ConnectorRequests);
    }

    [Fact]
    public void Serialize_OutgoingActivity_IsCamelCaseJson()
    {
        var bytes = _client.Serialize(new Activity { Type = "message", Text = "x" });

        Assert.Equal("x", JsonSerializer.Deserialize(bytes, ProtocolJsonContext.Default.Activity)!.Text);
    }
}
