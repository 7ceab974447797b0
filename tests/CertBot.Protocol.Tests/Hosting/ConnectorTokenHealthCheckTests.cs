using System.Net;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>An expired client secret shows in /readyz and in one log line that says what to renew.</summary>
public sealed class ConnectorTokenHealthCheckTests
{
    [Fact]
    public async Task Readyz_ExpiredSecret_DegradedWithOneLogLineNamingTheSecret()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppPassword"] = FakeChannel.ExpiredSecret,
        });

        using var first = await host.Client.GetAsync("/readyz");
        var body = await first.Content.ReadAsStringAsync();
        using var again = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("ready (degraded)", body, StringComparison.Ordinal);
        Assert.Contains("outbound-token: Degraded - outbound token failed: the client secret has expired", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var failures = host.Logs.Lines.Where(line => line.Contains("Outbound token", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(failures);
        Assert.StartsWith("Error:", line, StringComparison.Ordinal);
        Assert.Contains(host.AppId!, line, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", line, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeChannel.ExpiredSecret, line, StringComparison.Ordinal);
        // Within the retry interval the second probe reuses the failure instead of asking Entra again.
        Assert.Single(host.Channel.TokenRequests(host.AppId!));
    }

    [Fact]
    public async Task Readyz_WorkingSecret_ReportsTokenHealthy()
    {
        await using var host = await BotHost.StartAsync();

        using var ready = await host.Client.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("outbound-token: Healthy - outbound token works", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Outbound token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_LocalMode_AsksForNoToken()
    {
        await using var host = await BotHost.StartAsync(localMode: true);

        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Contains("outbound-token: Healthy - local mode", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
