using System.Diagnostics;
using System.Net;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10's OpenID metadata row: a stalled metadata endpoint never holds a request past its budget, held keys keep
/// serving while refreshes fail, and /readyz is red exactly when no valid keys are held.
/// </summary>
public sealed class MetadataFaultTests
{
    [Fact]
    public async Task Post_MetadataHangsBeforeAnyKeys_503WithinBudgetAndReadyzRedUntilMended()
    {
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast());
        host.Channel.HangMetadata(host.Scope);
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("hello"));
        var took = clock.Elapsed;
        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(took < FaultSettings.Bound, $"took {took}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("signing-keys: Unhealthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Probe.Turns);

        host.Channel.MendMetadata(host.Scope);
        await Task.Delay(TimeSpan.FromSeconds(6)); // the failed fetch is not repeated within its 5 s throttle
        using var after = await host.PostAsync(host.Message("hello"));
        using var readyAfter = await host.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }

    [Fact]
    public async Task Post_MetadataHangsAfterKeysHeld_LastGoodKeysServeWithinBudgetAndReadyzGreen()
    {
        // Keys count as stale at once, so every request starts a background refresh that hangs.
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(("BotFramework:SigningKeysRefreshInterval", "00:00:00.001")));
        using var warmUp = await host.PostAsync(host.Message("warm up"));
        host.Channel.HangMetadata(host.Scope);
        var clock = Stopwatch.StartNew();

        using var response = await host.PostAsync(host.Message("hello"));
        var took = clock.Elapsed;
        using var second = await host.PostAsync(host.Message("again"));
        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(took < TimeSpan.FromSeconds(1), $"waited {took} for a refresh it did not need");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        host.Channel.MendMetadata(host.Scope);
    }

    [Fact]
    public async Task Readyz_HeldKeysOlderThanMaxAgeAndRefreshFails_RedAndRequests503()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(settings: FaultSettings.Fast(), services: s => s.AddSingleton<TimeProvider>(time));
        using var warmUp = await host.PostAsync(host.Message("warm up"));
        host.Channel.HangMetadata(host.Scope);

        time.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        using var ready = await host.Client.GetAsync("/readyz");
        using var response = await host.PostAsync(host.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        host.Channel.MendMetadata(host.Scope);
    }
}
