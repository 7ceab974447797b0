using System.Net;
using System.Text.Json;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10's Connector and token rows, against the loopback fake channel and on the fake clock: a request answers
/// once the timeout meant for it fires (well inside the turn's budget, and not before: the clock only moves when the
/// test moves it), and every reply reaches the user exactly once, in order, once the fault is mended. "Nothing else
/// arrives" is <see cref="BotHost.SettledAsync"/>: the outbox empty and no request held, with the clock standing still.
/// </summary>
public sealed class ConnectorFaultTests
{
    private readonly ObservableClock _clock = new();

    [Fact]
    public async Task Post_ConnectorHangs_AnswersWithinBudgetAndDeliversReplyOnceAfterMend()
    {
        await using var host = await StartAsync();
        host.Channel.HangConnector(host.Scope);

        var posting = host.PostAsync(host.Message("hello"));
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the reply's attempt");
        Assert.False(posting.IsCompleted);
        // One attempt's timeout, a third of the turn's budget: the answer comes then, with the reply queued.
        _clock.Advance(FaultSettings.ConnectorTimeout);
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Channel.Posted(host.Scope));
        Assert.Equal(1, host.Outbox.PendingCount);

        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_Connector429WithRetryAfter120_NotWaitedForAndDeliveredOnlyAfterTheWait()
    {
        await using var host = await StartAsync();
        host.Channel.ScriptConnector(host.Scope, (429, "120"));
        var beforePost = _clock.WaitsSet;

        // Answered with the clock standing still: 120 s do not fit the turn's budget, so nothing waits for them.
        using var response = await host.PostAsync(host.Message("hello")).Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.ConnectorRequests);
        // The worker has looked at the queued reply, found it not due, and sleeps until its next poll.
        await _clock.NextWaitAsync(d => d == FaultSettings.OutboxPollInterval, after: beforePost);

        var beforeStep = _clock.WaitsSet;
        _clock.Advance(TimeSpan.FromSeconds(119));
        await _clock.NextWaitAsync(d => d == FaultSettings.OutboxPollInterval, after: beforeStep);
        Assert.Single(host.ConnectorRequests);
        Assert.Empty(host.Channel.Posted(host.Scope));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await host.SettledAsync();
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(2, host.ConnectorRequests.Count);
    }

    [Fact]
    public async Task Post_TurnFailsAfterConnectorHung_ApologyQueuedNotSentThroughIt()
    {
        await using var host = await StartAsync(("BotFramework:ErrorMessage", "Custom apology."));
        host.Channel.HangConnector(host.Scope);

        // Replies wait for the state save, so the Connector a failed turn has just seen fail is its typing indicator's.
        var posting = host.PostAsync(host.Message("type-then-throw"));
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the typing indicator's attempt");
        _clock.Advance(FaultSettings.ConnectorTimeout);
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // Only the typing indicator tried the Connector in the turn; the apology went straight to the outbox (whose
        // worker, with nothing queued before it, may already be trying it: so the log, not the requests, says so).
        Assert.Contains(host.Logs.GetSnapshot().Select(r => r.Message), l => l.Contains("went to the outbox: the turn failed and the Connector cannot be used now", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.GetSnapshot().Select(r => r.Message), l => l.Contains("Could not send the apology", StringComparison.Ordinal));

        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();
        // A late typing indicator is dropped, not queued.
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_TurnFailsAfterConnectorHung_TheHostsApologyForTheActivityIsQueued()
    {
        await using var host = await BotHost.StartAsync(
            settings: FaultSettings.Fast(("BotFramework:ErrorMessage", "Custom apology.")),
            services: services => services.AddSingleton<ITurnFailureReply, LocaleApology>(),
            clock: _clock);
        host.Channel.HangConnector(host.Scope);
        var activity = host.Message("type-then-throw");
        activity.Locale = "fr-FR";

        var posting = host.PostAsync(activity);
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the typing indicator's attempt");
        _clock.Advance(FaultSettings.ConnectorTimeout);
        using var response = await posting.Within();
        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();

        // Worded by the host for this activity, not the configured message, and delivered from the outbox.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(["apology for fr-FR"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_TurnFailsAfterAReplyWhileConnectorHangs_OnlyTheApologyIsDeliveredOnce()
    {
        await using var host = await StartAsync(("BotFramework:ErrorMessage", "Custom apology."));
        host.Channel.HangConnector(host.Scope);

        var posting = host.PostAsync(host.Message("send-then-throw"));
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the apology's attempt");
        _clock.Advance(FaultSettings.ConnectorTimeout);
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();
        // The failed turn saved nothing, so its partial answer never leaves (the redelivery answers); the apology does, once.
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_NextMessageDuringHang_BothWithinBudgetAndDeliveredInOrderOnce()
    {
        await using var host = await StartAsync();
        host.Channel.HangConnector(host.Scope);
        var first = host.Message("first");
        var second = host.Message("second", first.Conversation!.Id);
        var gap = TimeSpan.FromMilliseconds(300);

        var firstPosting = host.PostAsync(first);
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the first reply's attempt");
        _clock.Advance(gap);
        var secondPosting = host.PostAsync(second);
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 2, "the second reply's attempt");
        // Each answers when its own attempt times out, the first one first.
        _clock.Advance(FaultSettings.ConnectorTimeout - gap);
        using var firstResponse = await firstPosting.Within();
        Assert.False(secondPosting.IsCompleted);
        _clock.Advance(gap);
        using var secondResponse = await secondPosting.Within();

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();
        Assert.Equal(["echo: first", "echo: second"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_ConnectorAcceptsReplyThenDropsConnection_PostedOnce()
    {
        await using var host = await StartAsync();
        host.Channel.FaultConnector(host.Scope, ConnectorFault.AcceptAndDrop);

        using var response = await host.PostAsync(host.Message("hello")).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.ConnectorRequests);
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_TokenEndpointHangs_AnswersWithinBudgetAndDeliversReplyOnceAfterMend()
    {
        await using var host = await StartAsync();
        host.Channel.HangTokens(host.AppId!);

        var posting = host.PostAsync(host.Message("hello"));
        await host.Channel.WaitUntilAsync(() => host.Channel.TokenRequests(host.AppId!).Count == 1, "the token request");
        Assert.False(posting.IsCompleted);
        _clock.Advance(FaultSettings.TokenTimeout);
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.ConnectorRequests);
        Assert.Equal(1, host.Outbox.PendingCount);

        host.Channel.MendTokens(host.AppId!);
        await host.SettledAsync();
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_BotExceedsTurnBudget_FailsWithinBudgetAndApologyQueued()
    {
        await using var host = await StartAsync(("BotFramework:ErrorMessage", "Custom apology."));

        // The bot waits 30 s on the clock; the turn is cut at its budget (less the time kept for its record's release).
        var posting = host.PostAsync(host.Message("slow"));
        await _clock.NextWaitAsync(d => d == TimeSpan.FromSeconds(30));
        _clock.Advance(FaultSettings.ClaimedTurnTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(posting.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // The answer may leave before the cut turn has queued its apology: wait for the apology, then for quiet.
        await host.Channel.WaitUntilAsync(() => host.Channel.Posted(host.Scope).Count > 0, "the apology");
        await host.SettledAsync();
        Assert.Equal(["Custom apology."], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Post_RedeliveryAfterTheTurnTimedOut_RunsTheTurnAgain()
    {
        await using var host = await StartAsync(("BotFramework:ErrorMessage", "Custom apology."));
        var activity = host.Message("slow-once");

        // The first delivery is cut at its budget, as when the channel gives up after 15 s and delivers again.
        var posting = host.PostAsync(activity);
        await _clock.NextWaitAsync(d => d == TimeSpan.FromSeconds(30));
        _clock.Advance(FaultSettings.TurnTimeout);
        using var first = await posting.Within();
        await host.Channel.WaitUntilAsync(() => host.Channel.Posted(host.Scope).Count > 0, "the apology");
        await host.SettledAsync();

        // Its id was released, not recorded as done: the redelivery runs instead of being dropped as a duplicate.
        using var second = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, host.Probe.Turns);
        Assert.Equal(["Custom apology.", "second delivery ran"], Texts(host.Channel.Posted(host.Scope)));
    }

    [Fact]
    public async Task Delivery_RefusedForGood_DroppedAndLogged()
    {
        await using var host = await StartAsync();
        host.Channel.HangConnector(host.Scope);
        var posting = host.PostAsync(host.Message("hello"));
        await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == 1, "the reply's attempt");
        _clock.Advance(FaultSettings.ConnectorTimeout);
        using var response = await posting.Within();
        host.Channel.ScriptConnector(host.Scope, (403, null));

        host.Channel.MendConnector(host.Scope);
        await host.SettledAsync();

        Assert.Equal(2, host.ConnectorRequests.Count);
        Assert.Empty(host.Channel.Posted(host.Scope));
        // Logged by the worker right after it removed the reply, so on its thread and possibly a moment after "settled".
        await host.LoggedAsync(r => r.Level == LogLevel.Error && r.Message.Contains("given up", StringComparison.Ordinal), "the reply given up");
    }

    [Fact]
    public async Task Delivery_TransientFailures_RetriedWithBackoffThenDeliveredOnce()
    {
        await using var host = await StartAsync(("BotFramework:ConnectorMaxRetries", "0"));
        host.Channel.ScriptConnector(host.Scope, (503, null), (503, null), (502, null), (503, null));
        var waits = _clock.WaitsSet;

        using var response = await host.PostAsync(host.Message("hello")).Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The turn's failed send queued the reply and the worker tried it at once. Each failed delivery puts it back
        // with a backoff; the worker sleeps until it is due (at most a poll) and tries again only when the clock is there.
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            await host.Channel.WaitUntilAsync(() => host.ConnectorRequests.Count == attempt, $"delivery attempt {attempt}");
            await _clock.NextWaitAsync(d => d > TimeSpan.Zero && d <= FaultSettings.OutboxPollInterval, after: waits);
            Assert.Equal(attempt, host.ConnectorRequests.Count);
            waits = _clock.WaitsSet;
            // The longest backoff there can be at this point (the cap, plus its jitter).
            _clock.Advance(FaultSettings.OutboxRetryMaxDelay * 1.5);
        }

        await host.Channel.WaitUntilAsync(() => host.Channel.Posted(host.Scope).Count > 0, "the delivered reply");
        await host.SettledAsync();
        Assert.Equal(["echo: hello"], Texts(host.Channel.Posted(host.Scope)));
        Assert.Equal(5, host.ConnectorRequests.Count);
        Assert.Equal(3, host.Logs.GetSnapshot().Count(r => r.Message.Contains("next try in", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outbox_HostRestartsWhileConnectorHangs_ReplyDeliveredOnceByTheNextProcess()
    {
        var path = Path.Combine(Path.GetTempPath(), $"certbot-outbox-{Guid.NewGuid():N}.db");
        var settings = FaultSettings.Fast(("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", path));
        string scope;
        await using (var first = await BotHost.StartAsync(settings: settings, clock: _clock))
        {
            scope = first.Scope;
            first.Channel.HangConnector(scope);
            var posting = first.PostAsync(first.Message("hello"));
            await first.Channel.WaitUntilAsync(() => first.ConnectorRequests.Count == 1, "the reply's attempt");
            _clock.Advance(FaultSettings.ConnectorTimeout);
            using var response = await posting.Within();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The first process's worker holds the reply (leased) when it stops.
            await first.Channel.WaitUntilAsync(() => first.ConnectorRequests.Count == 2, "the worker's attempt");
        }

        var channel = await FakeChannel.Shared;
        channel.MendConnector(scope);
        // Started means its worker has looked once: the reply is still leased by the first process, so it waits.
        await using var second = await BotHost.StartAsync(settings: settings, clock: _clock);
        Assert.Empty(channel.Posted(scope));
        _clock.Advance(FaultSettings.OutboxLease);

        await channel.WaitUntilAsync(() => channel.Posted(scope).Count > 0, "the reply delivered by the next process");
        await second.SettledAsync();
        Assert.Equal(["echo: hello"], Texts(channel.Posted(scope)));
    }

    private Task<BotHost> StartAsync(params (string Key, string? Value)[] settings) =>
        BotHost.StartAsync(settings: FaultSettings.Fast(settings), clock: _clock);

    private static string[] Texts(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Select(r => JsonSerializer.Deserialize(r.Body, ProtocolJsonContext.Default.Activity)!.Text ?? "")];

    /// <summary>A host's apology, worded for the failed activity's locale.</summary>
    private sealed class LocaleApology : ITurnFailureReply
    {
        public string TextFor(Activity activity) => $"apology for {activity.Locale}";
    }
}
