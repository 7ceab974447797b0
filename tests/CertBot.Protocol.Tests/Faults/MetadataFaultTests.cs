using System.Net;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Testing;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10's OpenID metadata row, on the fake clock: a stalled metadata endpoint never holds a request past its
/// budget, held keys keep serving while refreshes fail, a failed fetch is not repeated within its throttle, and /readyz
/// is red exactly when no valid keys are held.
/// </summary>
public sealed class MetadataFaultTests
{
    // What SigningMetadata waits between two fetches when the last one failed and no keys are held.
    private static readonly TimeSpan FailedFetchThrottle = TimeSpan.FromSeconds(5);

    private readonly ObservableClock _clock = new();


    [Fact]
    public async Task Post_MetadataHangsBeforeAnyKeys_503WithinBudgetAndReadyzRedUntilMended()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(), clock: _clock);
        host.Channel.HangMetadata(host.Scope);

        var posting = host.PostAsync(host.Message("hello"));
        await host.Channel.WaitUntilAsync(() => host.Channel.MetadataRequests(host.Scope) == 1, "the metadata fetch");
        Assert.False(posting.IsCompleted);
        // The fetch gives up at MetadataTimeout, the request with it (within its budget): nothing later is needed.
        _clock.Advance(FaultSettings.MetadataTimeout);
        using var response = await posting.Within();
        using var ready = await host.Client.GetAsync("/readyz").Within();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("signing-keys: Unhealthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Probe.Turns);

        // Mended, but the failed fetch stands until its throttle has passed: no second fetch, still 503 at once.
        host.Channel.MendMetadata(host.Scope);
        using var throttled = await host.PostAsync(host.Message("hello")).Within();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
        Assert.Equal(1, host.Channel.MetadataRequests(host.Scope));

        _clock.Advance(FailedFetchThrottle - FaultSettings.MetadataTimeout);
        using var after = await host.PostAsync(host.Message("hello")).Within();
        using var readyAfter = await host.Client.GetAsync("/readyz").Within();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        Assert.Equal(2, host.Channel.MetadataRequests(host.Scope));
    }

    [Fact]
    public async Task Post_MetadataHangsAfterKeysHeld_LastGoodKeysServeWithinBudgetAndReadyzGreen()
    {
        var refreshInterval = TimeSpan.FromMinutes(1);
        await using var host = await BotHost.StartAsync(
            settings: FaultSettings.Fast(("BotFramework:SigningKeysRefreshInterval", refreshInterval.ToString())), clock: _clock);
        using var warmUp = await host.PostAsync(host.Message("warm up")).Within();
        host.Channel.HangMetadata(host.Scope);
        // The held keys are due for their refresh.
        _clock.Advance(refreshInterval);

        // Answered with the clock standing still, although the refresh it started hangs: nothing waited for it.
        using var response = await host.PostAsync(host.Message("hello")).Within();
        await host.Channel.WaitUntilAsync(() => host.Channel.MetadataRequests(host.Scope) == 2, "the background refresh");
        using var second = await host.PostAsync(host.Message("again")).Within();
        using var ready = await host.Client.GetAsync("/readyz").Within();

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        host.Channel.MendMetadata(host.Scope);
        await host.Channel.WaitUntilAsync(() => host.Channel.JwksFetches(host.Scope) == 2, "the refresh finishing once mended");
    }

    [Fact]
    public async Task Readyz_HeldKeysOlderThanMaxAgeAndRefreshFails_RedAndRequests503()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(), clock: _clock);
        using var warmUp = await host.PostAsync(host.Message("warm up")).Within();
        host.Channel.HangMetadata(host.Scope);

        _clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        // No usable keys: readiness starts a fetch and waits for it up to MetadataTimeout (set before the fetch starts).
        var readying = host.Client.GetAsync("/readyz");
        await host.Channel.WaitUntilAsync(() => host.Channel.MetadataRequests(host.Scope) == 2, "the fetch readiness started");
        _clock.Advance(FaultSettings.MetadataTimeout);
        using var ready = await readying.Within();
        // The request joins that fetch within its budget.
        var waits = _clock.WaitsSet;
        var posting = host.PostAsync(host.Message("hello"));
        await _clock.NextWaitAsync(d => d == FaultSettings.TurnTimeout, after: waits);
        _clock.Advance(FaultSettings.TurnTimeout);
        using var response = await posting.Within();

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        host.Channel.MendMetadata(host.Scope);
    }
}
