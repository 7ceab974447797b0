using System.Net;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Authentication;

public sealed class ChannelTokenValidatorTests
{
    [Fact]
    public async Task AuthenticateAsync_KeyRotatedAfterFirstFetch_AcceptedAfterOneRefresh()
    {
        await using var host = await BotHost.StartAsync();
        using var warmUp = await host.PostAsync(host.Message("hi"));
        host.Channel.PublishLateKey(host.Scope);

        var token = TestKeys.Mint(host.AppId!, host.ServiceUrl, key: TestKeys.Late);
        using var response = await host.PostAsync(host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, host.Channel.JwksFetches(host.Scope));
    }

    [Fact]
    public async Task AuthenticateAsync_ManyUnknownKeys_RefreshIsThrottled()
    {
        await using var host = await BotHost.StartAsync();
        var token = TestKeys.Mint(host.AppId!, host.ServiceUrl, key: TestKeys.Unpublished);

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.PostAsync(host.Message("hi"), "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, host.Channel.JwksFetches(host.Scope));
    }

    [Fact]
    public async Task AuthenticateAsync_Failure_LogsReasonButNeverTheToken()
    {
        await using var host = await BotHost.StartAsync();
        var token = TestKeys.Mint(Guid.NewGuid().ToString(), host.ServiceUrl);

        using var response = await host.PostAsync(host.Message("hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains("invalid audience", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => $"{r.Message} {r.Exception?.Message}".Contains(token[..40], StringComparison.Ordinal));
    }
}
