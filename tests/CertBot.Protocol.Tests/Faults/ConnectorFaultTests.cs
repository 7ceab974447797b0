using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10's Connector and token rows, against the loopback fake channel: each request returns within its budget,
/// and every reply reaches the user exactly once, in order, once the fault is mended.
/// </summary>
public sealed class ConnectorFaultTests
{
    [Fact]
    public async Task Post_ConnectorHangs_AnswersWithinBudgetAndDeliversReplyOnceAfterMend()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.HangConnector(host.Scope);
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        Assert.Empty(host.Channel.Posted(host.Scope));
        Assert.Equal(1, host.Services.GetRequiredService<ReplyOutbox>().PendingCount);

        host.Channel.MendConnector(host.Scope);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count > 0));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(0, host.Services.GetRequiredService<ReplyOutbox>().PendingCount);
    }

    [Fact]
    public async Task Post_Connector429WithRetryAfter120_NotWaitedForAndDeliveredOnlyAfterTheWait()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(), services: s => s.AddSingleton<TimeProvider>(time));
        host.Channel.ScriptConnector(host.Scope, (429, "120"));
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        // No retry inside the turn: 120 s do not fit its budget.
        Assert.Single(host.ConnectorRequests);

        time.Advance(TimeSpan.FromSeconds(100));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(host.Channel.Posted(host.Scope));

        time.Advance(TimeSpan.FromSeconds(21));
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count > 0));
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(2, host.ConnectorRequests.Count);
    }

    [Fact]
    public async Task Post_TurnFailsAfterConnectorHung_ApologyQueuedNotSentThroughIt()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(("BotFramework:ErrorMessage", "Custom apology.")));
        host.Channel.HangConnector(host.Scope);
        var clock = Stopwatch.StartNew();

        // Replies wait for the state save, so the Connector a failed turn has just seen fail is its typing indicator's.
        using var response = await host.PostAsync(host.Message("type-then-throw"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        // Only the typing indicator tried the Connector in the turn; the apology went straight to the outbox (whose
        // worker, with nothing queued before it, may already be trying it: so the log, not the requests, says so).
        Assert.Contains(host.Logs.GetSnapshot().Select(r => r.Message), l => l.Contains("went to the outbox: the turn failed and the Connector cannot be used now", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.GetSnapshot().Select(r => r.Message), l => l.Contains("Could not send the apology", StringComparison.Ordinal));

        host.Channel.MendConnector(host.Scope);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count >= 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        // A late typing indicator is dropped, not queued.
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_TurnFailsAfterAReplyWhileConnectorHangs_OnlyTheApologyIsDeliveredOnce()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(("BotFramework:ErrorMessage", "Custom apology.")));
        host.Channel.HangConnector(host.Scope);
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("send-then-throw"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        host.Channel.MendConnector(host.Scope);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count >= 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        // The failed turn saved nothing, so its partial answer never leaves (the redelivery answers); the apology does, once.
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_NextMessageDuringHang_BothWithinBudgetAndDeliveredInOrderOnce()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.HangConnector(host.Scope);
        var first = host.Message("first");
        var second = host.Message("second", first.Conversation!.Id);

        var firstTook = TimedPostAsync(host, first);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var secondTook = TimedPostAsync(host, second);
        var took = await Task.WhenAll(firstTook, secondTook);

        Assert.All(took, t => Assert.True(t.Status == HttpStatusCode.OK && t.Elapsed < FaultSettings.Bound, $"{t.Status} after {t.Elapsed}"));
        host.Channel.MendConnector(host.Scope);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count >= 2));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: first", "echo: second"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_ConnectorAcceptsReplyThenDropsConnection_PostedOnce()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.FaultConnector(host.Scope, ConnectorFault.AcceptAndDrop);

        using var response = await host.PostAsync(host.Message("hello"));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.ConnectorRequests);
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(0, host.Services.GetRequiredService<ReplyOutbox>().PendingCount);
    }

    [Fact]
    public async Task Post_TokenEndpointHangs_AnswersWithinBudgetAndDeliversReplyOnceAfterMend()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.HangTokens(host.AppId!);
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        Assert.Empty(host.ConnectorRequests);

        host.Channel.MendTokens(host.AppId!);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count > 0));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_BotExceedsTurnBudget_FailsWithinBudgetAndApologyQueued()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(("BotFramework:ErrorMessage", "Custom apology.")));
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("slow"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(clock.Elapsed < FaultSettings.Bound, $"took {clock.Elapsed}");
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count > 0));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Delivery_RefusedForGood_DroppedAndLogged()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.HangConnector(host.Scope);
        using var response = await host.PostAsync(host.Message("hello"));
        host.Channel.ScriptConnector(host.Scope, (403, null));

        host.Channel.MendConnector(host.Scope);

        var outbox = host.Services.GetRequiredService<ReplyOutbox>();
        Assert.True(await FaultSettings.EventuallyAsync(() => host.ConnectorRequests.Count >= 2 && outbox.PendingCount == 0));
        Assert.Empty(host.Channel.Posted(host.Scope));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delivery_TransientFailures_RetriedWithBackoffThenDeliveredOnce()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(("BotFramework:ConnectorMaxRetries", "0")));
        host.Channel.ScriptConnector(host.Scope, (503, null), (503, null), (502, null), (503, null));

        using var response = await host.PostAsync(host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await FaultSettings.EventuallyAsync(() => host.Channel.Posted(host.Scope).Count > 0));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(5, host.ConnectorRequests.Count);
        // Three answered failures (a loaded machine may add a timed-out attempt that never reached the Connector).
        Assert.True(host.Logs.GetSnapshot().Count(r => r.Message.Contains("next try in", StringComparison.Ordinal)) >= 3);
    }

    [Fact]
    public async Task Outbox_HostRestartsWhileConnectorHangs_ReplyDeliveredOnceByTheNextProcess()
    {
        var path = Path.Combine(Path.GetTempPath(), $"certbot-outbox-{Guid.NewGuid():N}.db");
        var settings = FaultSettings.Fast(("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", path));
        string scope;
        await using (var first = await BotHost.StartAsync(settings: settings))
        {
            scope = first.Scope;
            first.Channel.HangConnector(scope);
            using var response = await first.PostAsync(first.Message("hello"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var channel = await FakeChannel.Shared;
        channel.MendConnector(scope);
        await using var second = await BotHost.StartAsync(settings: settings);

        Assert.True(await FaultSettings.EventuallyAsync(() => channel.Posted(scope).Count > 0));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: hello"], Texts(channel.Posted(scope)));
    }

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedPostAsync(BotHost host, Schema.Activity activity)
    {
        var clock = Stopwatch.StartNew();
        using var response = await host.PostAsync(activity);
        return (response.StatusCode, clock.Elapsed);
    }

    private static string[] Texts(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Select(r => JsonSerializer.Deserialize(r.Body, ProtocolJsonContext.Default.Activity)!.Text ?? "")];
}
