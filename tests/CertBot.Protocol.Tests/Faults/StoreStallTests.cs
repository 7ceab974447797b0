using System.Net;
using System.Text.Json;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CertBot.Protocol.Tests.Faults.StallingStorage.StoreOperation;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10 item 1, found in audit: a state store that takes calls and never answers (<see cref="StallingStorage"/>),
/// through the real endpoint on loopback and on the fake clock. Every request still answers within its budget and not
/// a tick before: a message gets 503 saying the bot could not reach its state store, an activity without an id 503 (not
/// 500), /readyz 503 within the health-check timeout. Once the store answers again nothing is lost: the channel's
/// redelivery runs the turn, once, and /readyz is green.
/// </summary>
public sealed class StoreStallTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly ObservableClock _clock = new();
    private readonly StallingStorage _store = new();

    [Fact]
    public async Task Post_StoreStalls_503WithTheStoreWordingAtTheBudgetAndTheRedeliveryRunsOnceMended()
    {
        await using var host = await StartAsync();
        var activity = host.Message("hello");
        _store.Stall();

        var posting = host.PostAsync(activity);
        await HeldAsync(Write, Deliveries, "the claim's write");
        using var response = await AnsweredAtAsync(posting, FaultSettings.TurnTimeout);

        await AssertStoreUnavailableAsync(response);
        Assert.Equal(0, host.Probe.Turns);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains("state store did not answer within the budget", StringComparison.Ordinal));

        _store.Mend();
        using var redelivered = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(1, host.Probe.Turns);
        Assert.Equal(["echo: hello"], Texts(host));
    }

    [Fact]
    public async Task Post_ActivityWithoutIdWhileStoreStalls_503Not500AtTheBudget()
    {
        await using var host = await StartAsync();
        var activity = host.Message("hello");
        activity.Id = null;
        _store.Stall();

        var posting = host.PostAsync(activity);
        await HeldAsync(Read, StateDocument, "the state load");
        using var response = await AnsweredAtAsync(posting, FaultSettings.TurnTimeout);

        await AssertStoreUnavailableAsync(response);
        // The load never answered, so the bot never ran and nobody is owed an apology: the channel retries on the 503.
        Assert.Equal(0, host.Probe.Turns);

        _store.Mend();
        using var again = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["echo: hello"], Texts(host));
    }

    [Fact]
    public async Task Post_StateStallsAfterTheClaim_TurnCutEarlyEnoughToReleaseAndTheRedeliveryRunsAtOnce()
    {
        await using var host = await StartAsync();
        var activity = host.Message("hello");
        // The conversation's and user's documents stall; the de-duplication record still answers.
        _store.Stall((_, key) => key.StartsWith(activity.ChannelId + "/", StringComparison.Ordinal));

        var posting = host.PostAsync(activity);
        await HeldAsync(Read, StateDocument, "the state load");
        // Cut where its record's write still fits in the request's budget: released then, and answered then.
        using var response = await AnsweredAtAsync(posting, FaultSettings.ClaimedTurnTimeout);

        await AssertStoreUnavailableAsync(response);
        _store.Mend();
        using var redelivered = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(["echo: hello"], Texts(host));
    }

    [Fact]
    public async Task Post_StateSaveStalls_503AtTheCutWithTheApologyAndTheRedeliveryAnswers()
    {
        await using var host = await StartAsync(("BotFramework:ErrorMessage", "Custom apology."));
        var activity = host.Message("hello");
        // Reads answer, so the bot runs; the save of what it learnt (the conversation reference) does not.
        _store.Stall((operation, key) => operation == Write && key.StartsWith(activity.ChannelId + "/", StringComparison.Ordinal));

        var posting = host.PostAsync(activity);
        await HeldAsync(Write, key => key.StartsWith(activity.ChannelId + "/", StringComparison.Ordinal), "the state save");
        using var response = await AnsweredAtAsync(posting, FaultSettings.ClaimedTurnTimeout);

        await AssertStoreUnavailableAsync(response);
        // The bot ran and its answer was held back for the save: the person hears the apology, never the unsaved reply.
        await host.Channel.WaitUntilAsync(() => host.Channel.Posted(host.Scope).Count > 0, "the apology");
        await host.SettledAsync();
        Assert.Equal(["Custom apology."], Texts(host));

        _store.Mend();
        using var redelivered = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(["Custom apology.", "echo: hello"], Texts(host));
    }

    [Fact]
    public async Task Post_WholeStoreStallsAfterTheClaim_StillAnsweredAtTheBudgetAndTheRedeliveryRunsOnceTheClaimLapses()
    {
        await using var host = await StartAsync();
        var activity = host.Message("hello");
        // Everything stalls but the claim itself, so the release after the cut turn stalls too.
        _store.Stall((operation, key) => !(operation == Write && Deliveries(key)));

        var posting = host.PostAsync(activity);
        await HeldAsync(Read, StateDocument, "the state load");
        _clock.Advance(FaultSettings.ClaimedTurnTimeout);
        await HeldAsync(Delete, Deliveries, "the release of the claim");
        // The release has what is left of the request's budget, and not a tick more.
        using var response = await AnsweredAtAsync(posting, FaultSettings.DeduplicationWriteTimeout);

        await AssertStoreUnavailableAsync(response);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains("Could not record activity", StringComparison.Ordinal));

        // The claim could not be given back, so it holds until it lapses; then the redelivery runs the turn.
        _store.Mend();
        _clock.Advance(TimeSpan.FromSeconds(15) - FaultSettings.TurnTimeout);
        using var redelivered = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(["echo: hello"], Texts(host));
    }

    [Fact]
    public async Task Readyz_StoreStalls_503WithinTheHealthCheckTimeoutAndGreenOnceMended()
    {
        await using var host = await StartAsync();
        // Green first, with the clock standing still: the signing keys are fetched before any step of the clock.
        using var before = await host.Client.GetAsync("/readyz").Within();
        _store.Stall();

        var readying = host.Client.GetAsync("/readyz");
        await HeldAsync(Write, Probe, "the probe's write");
        _clock.Advance(FaultSettings.HealthCheckTimeout - Tick);
        Assert.False(readying.IsCompleted);
        _clock.Advance(Tick);
        using var ready = await readying.Within();
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("storage: Unhealthy - timed out after 2.5 s", body, StringComparison.Ordinal);
        // The other checks do not wait on the store: they answered for themselves.
        Assert.Contains("signing-keys: Healthy", body, StringComparison.Ordinal);

        _store.Mend();
        using var after = await host.Client.GetAsync("/readyz").Within();

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("storage: Healthy", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(StorageHealthCheck.ProbeKeyPrefix));
    }

    [Fact]
    public async Task Readyz_StoreIgnoresCancellation_TimesOutOnceThenAnswersAtOnceWithoutPilingUpProbes()
    {
        await using var host = await StartAsync();
        // Green first, with the clock standing still: the signing keys are fetched before any step of the clock.
        using var before = await host.Client.GetAsync("/readyz").Within();
        _store.Stall(deaf: true);

        var readying = host.Client.GetAsync("/readyz");
        await HeldAsync(Write, Probe, "the probe's write");
        _clock.Advance(FaultSettings.HealthCheckTimeout);
        using var first = await readying.Within();
        // The first probe's write is still held (it ignores its token); the next probe does not start another.
        using var second = await host.Client.GetAsync("/readyz").Within();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Contains("storage: Unhealthy - timed out after 2.5 s", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Contains("storage: Unhealthy - timed out: the previous check has not ended yet", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _store.HeldCount(Write, Probe));

        // Mended, the abandoned write lands late and that run ends (the host says so); then probes run again and
        // leave no document behind.
        _store.Mend();
        await host.LoggedAsync(r => r.Message.Contains("Health check storage ended late", StringComparison.Ordinal), "the abandoned check's end");
        using var after = await host.Client.GetAsync("/readyz").Within();

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("storage: Healthy", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(StorageHealthCheck.ProbeKeyPrefix));
    }

    private Task<BotHost> StartAsync(params (string Key, string? Value)[] settings) => BotHost.StartAsync(
        settings: FaultSettings.Fast(settings), services: services => services.AddSingleton<IStorage>(_store), clock: _clock);

    /// <summary>Until the store holds the call meant: the timeout meant for it was set before it was made.</summary>
    /// <summary>The response to <paramref name="posting"/>, checked to come exactly when the fake clock reaches <paramref name="budget"/>.</summary>
    private async Task<HttpResponseMessage> AnsweredAtAsync(Task<HttpResponseMessage> posting, TimeSpan budget)
    {
        _clock.Advance(budget - Tick);
        Assert.False(posting.IsCompleted);
        _clock.Advance(Tick);
        return await posting.Within();
    }

    private async Task HeldAsync(StallingStorage.StoreOperation operation, Func<string, bool> key, string what) =>
        Assert.True(await _store.HeldAsync(operation, key, FaultSettings.Safety), $"{what} never reached the store");

    private static bool Probe(string key) => key.StartsWith(StorageHealthCheck.ProbeKeyPrefix, StringComparison.Ordinal);

    private static bool Deliveries(string key) => key.StartsWith(ActivityDeduplicator.KeyPrefix, StringComparison.Ordinal);

    private static bool StateDocument(string key) => key.StartsWith("msteams/conversations/", StringComparison.Ordinal);

    private static async Task AssertStoreUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.ProblemDocument)!;
        Assert.Equal(503, problem.Status);
        Assert.Equal("State store unavailable", problem.Title);
        Assert.Equal("The bot could not reach its state store; try again later.", problem.Detail);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in _store.Inner.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }

    private static string[] Texts(BotHost host) =>
        [.. host.Channel.Posted(host.Scope).Select(r => JsonSerializer.Deserialize(r.Body, ProtocolJsonContext.Default.Activity)!.Text ?? "")];
}
