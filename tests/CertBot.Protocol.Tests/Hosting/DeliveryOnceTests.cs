using System.Net;
using System.Text.Json;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>Redeliveries through the real endpoint: a finished turn is not run again, a failed one is.</summary>
public sealed class DeliveryOnceTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_RedeliveryOfAFailedTurn_RunsIt()
    {
        var activity = _host.Message("fail-once");

        using var first = await _host.PostAsync(activity);
        using var second = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _host.Probe.Turns);
        Assert.Contains(_host.ConnectorRequests, r => r.Body.Contains("second delivery ran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DuplicateOfExpectRepliesTurn_GetsEmptyActivities()
    {
        var activity = _host.Message("hello");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var first = await _host.PostAsync(activity);
        using var second = await _host.PostAsync(activity);

        Assert.Single(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Empty(JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal(1, _host.Probe.Turns);
    }

    [Theory]
    [InlineData("test/ok", 200, "{\"ok\":true}")]
    [InlineData("test/conflict", 409, "{\"why\":\"conflict\"}")]
    public async Task Post_DuplicateOfInvoke_GetsTheSameInvokeResponse(string name, int status, string body)
    {
        var activity = _host.Invoke(name);

        using var first = await _host.PostAsync(activity);
        using var second = await _host.PostAsync(activity);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, _host.Probe.Turns);
    }

    [Fact]
    public async Task Post_SameActivityTwiceAtOnce_RunsOnce_BothAnswered200()
    {
        var activity = _host.Message("count");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _host.PostAsync(activity)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _host.Probe.Turns);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
