using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>The adapter used in-process (the host's console chat): no HTTP, no auth.</summary>
public sealed class CloudAdapterTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CloudAdapterTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["BotFramework:ErrorMessage"] = "Oops from config.",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCertBotProtocol(configuration);
        services.AddCertBotMemoryStorage();
        services.AddSingleton<TestBotProbe>();
        services.AddTransient<IBot, TestBot>();
        _services = services.BuildServiceProvider();
    }

    private CloudAdapter Adapter => _services.GetRequiredService<CloudAdapter>();

    private static Activity Console(string text, string conversation = "console-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "console",
        DeliveryMode = DeliveryModes.ExpectReplies,
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Text = text,
    };

    [Fact]
    public async Task ProcessActivityAsync_ExpectReplies_ReturnsRepliesInOrderWithRouting()
    {
        var result = await Adapter.ProcessActivityAsync(Console("many"), identity: null, CancellationToken.None);

        Assert.Equal(["one", "two", "three"], result.Replies.Select(r => r.Text));
        Assert.All(result.Replies, r => Assert.Equal(("bot", "user", "console-1"), (r.From!.Id, r.Recipient!.Id, r.Conversation!.Id)));
        Assert.Null(result.InvokeResponse);
        Assert.False(result.Faulted);
    }

    [Fact]
    public async Task ProcessActivityAsync_TypingWhileBuffered_IsDropped()
    {
        var result = await Adapter.ProcessActivityAsync(Console("typing"), null, CancellationToken.None);

        Assert.Empty(result.Replies);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrows_FaultedWithConfiguredApology()
    {
        var result = await Adapter.ProcessActivityAsync(Console("throw"), null, CancellationToken.None);

        Assert.True(result.Faulted);
        Assert.Equal("Oops from config.", Assert.Single(result.Replies).Text);
    }

    [Fact]
    public async Task ProcessActivityAsync_Invoke_ReturnsInvokeResponse_Unset501()
    {
        var invoke = Console("");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "test/ok";
        var unhandled = Console("");
        unhandled.Type = ActivityTypes.Invoke;
        unhandled.Name = "unknown";

        var ok = await Adapter.ProcessActivityAsync(invoke, null, CancellationToken.None);
        var missing = await Adapter.ProcessActivityAsync(unhandled, null, CancellationToken.None);

        Assert.Equal(200, ok.InvokeResponse!.Status);
        Assert.True(ok.InvokeResponse.Body!.Value.GetProperty("ok").GetBoolean());
        Assert.Equal(501, missing.InvokeResponse!.Status);
    }

    [Fact]
    public async Task ProcessActivityAsync_StatePersistsAcrossTurns_AndForgetDeletes()
    {
        await Adapter.ProcessActivityAsync(Console("user-count"), null, CancellationToken.None);
        await Adapter.ProcessActivityAsync(Console("user-count", "console-2"), null, CancellationToken.None);
        var storage = _services.GetRequiredService<IStorage>();
        var userKey = TurnState.UserKey("console", "user");

        Assert.Contains("2", (await storage.ReadAsync([userKey]))[userKey].Json, StringComparison.Ordinal);

        await Adapter.ProcessActivityAsync(Console("forget"), null, CancellationToken.None);
        Assert.Empty(await storage.ReadAsync([userKey]));
    }

    [Fact]
    public async Task ProcessActivityAsync_MissingConversation_Throws()
    {
        var activity = Console("x");
        activity.Conversation = null;

        await Assert.ThrowsAsync<ArgumentException>(() => Adapter.ProcessActivityAsync(activity, null, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessActivityAsync_NotBufferedWithoutServiceUrl_FaultsClearly()
    {
        var activity = Console("hello");
        activity.DeliveryMode = null;

        var result = await Adapter.ProcessActivityAsync(activity, null, CancellationToken.None);

        Assert.True(result.Faulted);
    }

    [Fact]
    public async Task ContinueConversationAsync_LocalMode_SendsWithoutToken()
    {
        await using var host = await BotHost.StartAsync(localMode: true);
        var reference = new ConversationReference("msteams", host.ServiceUrl, new ConversationAccount { Id = "a:proactive" },
            new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:user" }, null, "en-US");

        var result = await host.Services.GetRequiredService<CloudAdapter>().ContinueConversationAsync(
            reference, (turn, ct) => turn.SendActivityAsync(new Activity { Text = "reminder" }, ct), CancellationToken.None);

        Assert.False(result.Faulted);
        var sent = Assert.Single(host.ConnectorRequests);
        Assert.Equal($"/t/{host.Scope}/v3/conversations/a%3Aproactive/activities", sent.Path);
        Assert.Null(sent.Authorization);
    }

    [Fact]
    public async Task ContinueConversationAsync_UntrustedServiceUrlWithAppId_SendsNothing()
    {
        await using var host = await BotHost.StartAsync();
        var reference = new ConversationReference("msteams", host.ServiceUrl, new ConversationAccount { Id = "a:proactive" },
            new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:user" }, null, null);

        var result = await host.Services.GetRequiredService<CloudAdapter>().ContinueConversationAsync(
            reference, (turn, ct) => turn.SendActivityAsync(new Activity { Text = "reminder" }, ct), CancellationToken.None);

        Assert.True(result.Faulted);
        Assert.Empty(host.ConnectorRequests);
    }

    [Fact]
    public async Task ContinueConversationAsync_ReferenceValidatedByAnotherInstance_SendsWithToken()
    {
        // Two instances share nothing but the store; only the first ever saw the channel's token for this conversation.
        var shared = new MemoryStorage();
        await using var first = await BotHost.StartAsync(services: s => s.AddSingleton<IStorage>(shared));
        await using var second = await BotHost.StartAsync(services: s => s.AddSingleton<IStorage>(shared));
        var incoming = first.Message("hello");
        using (var response = await first.PostAsync(incoming))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        var adapter = second.Services.GetRequiredService<CloudAdapter>();
        var stored = await adapter.GetConversationReferenceAsync("msteams", incoming.Conversation!.Id!, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.ServiceUrlValidated);

        var result = await adapter.ContinueConversationAsync(
            stored.Reference, (turn, ct) => turn.SendActivityAsync(new Activity { Text = "reminder" }, ct), CancellationToken.None);

        Assert.False(result.Faulted);
        var proactive = Assert.Single(first.ConnectorRequests, r => r.Body.Contains("reminder", StringComparison.Ordinal));
        Assert.StartsWith("Bearer ", proactive.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueConversationAsync_StoredReferenceNeverValidated_StillSendsNothing()
    {
        var shared = new MemoryStorage();
        await using var first = await BotHost.StartAsync(localMode: true, services: s => s.AddSingleton<IStorage>(shared));
        await using var second = await BotHost.StartAsync(services: s => s.AddSingleton<IStorage>(shared));
        var incoming = first.Message("hello");
        using (await first.PostAsync(incoming))
        {
        }

        var adapter = second.Services.GetRequiredService<CloudAdapter>();
        var stored = await adapter.GetConversationReferenceAsync("msteams", incoming.Conversation!.Id!, CancellationToken.None);
        Assert.False(stored!.ServiceUrlValidated);

        var result = await adapter.ContinueConversationAsync(
            stored.Reference, (turn, ct) => turn.SendActivityAsync(new Activity { Text = "reminder" }, ct), CancellationToken.None);

        Assert.True(result.Faulted);
        Assert.DoesNotContain(first.ConnectorRequests, r => r.Body.Contains("reminder", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
