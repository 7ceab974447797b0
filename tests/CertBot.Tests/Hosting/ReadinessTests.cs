using System.Net;
using CertBot.Tests.Support;

namespace CertBot.Tests.Hosting;

/// <summary>/readyz as a load balancer and an operator read it: one status line, then one line per check.</summary>
public sealed class ReadinessTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    [Fact]
    public async Task Readyz_ModelsWarm_ReportsReadyWithEachCheck()
    {
        using var response = await fixture.Server.Http.GetAsync("readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ready\n", body, StringComparison.Ordinal);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
        Assert.Contains("models: Healthy - text recognizers ready, semantic FAQ index ready, role prototypes ready", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_SemanticMatchingOff_StillReadyAndSaysSo()
    {
        await using var server = await CertBotServer.StartAsync(null, "--Knowledge:Semantic:Enabled=false");
        using var response = await server.Http.GetAsync("readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("semantic FAQ index disabled, role prototypes off", body, StringComparison.Ordinal);
    }
}
