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
/// 500). Once the store answers again nothing is lost: the channel's redelivery runs the turn, once.
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
        _clock.Advance(FaultSettings.TurnTimeout - Tick);
        Assert.False(posting.IsCompleted);
        _clock.Advance(Tick);
        using var response = await posting.Within();

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
        _clock.Advance(FaultSettings.TurnTimeout - Tick);
        Assert.False(posting.IsCompleted);
        _clock.Advance(Tick);
        using var response = await posting.Within();

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
        _clock.Advance(FaultSettings.ClaimedTurnTimeout - Tick);
        Assert.False(posting.IsCompleted);
        _clock.Advance(Tick);
        using var response = await posting.Within();

        await AssertStoreUnavailableAsync(response);
        _store.Mend();
        using var redelivered = await host.PostAsync(activity).Within();
        await host.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(["echo: hello"], Texts(host));
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
        _clock.Advance(FaultSettings.DeduplicationWriteTimeout - Tick);
        Assert.False(posting.IsCompleted);
        _clock.Advance(Tick);
        using var response = await posting.Within();

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

    private Task<BotHost> StartAsync() => BotHost.StartAsync(
        settings: FaultSettings.Fast(), services: services => services.AddSingleton<IStorage>(_store), clock: _clock);

    /// <summary>Until the store holds the call meant: the timeout meant for it was set before it was made.</summary>
    private async Task HeldAsync(StallingStorage.StoreOperation operation, Func<string, bool> key, string what) =>
        Assert.True(await FaultSettings.EventuallyAsync(() => _store.HeldCount(operation, key) > 0), $"{what} never reached the store");

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

    private static string[] Texts(BotHost host) =>
        [.. host.Channel.Posted(host.Scope).Select(r => JsonSerializer.Deserialize(r.Body, ProtocolJsonContext.Default.Activity)!.Text ?? "")];
}
