using System.Net;
using System.Net.Http.Headers;
using CertBot.Testing;
using CertBot.Tests.Support;

namespace CertBot.Tests.Hosting;

/// <summary>The real host with authentication on: channel tokens from a test issuer, as Teams would send them.</summary>
public sealed class AuthenticatedEndpointTests(AuthenticatedServerFixture fixture) : IClassFixture<AuthenticatedServerFixture>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly ChannelTokenIssuer _issuer = fixture.Issuer;
    private readonly CertBotServer _server = fixture.Server;

    [Fact]
    public async Task Message_ChannelToken_GetsTheBotsReply()
    {
        _server.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Mint(ServiceUrl));

        var replies = await new TestChat(_server, serviceUrl: ServiceUrl).SayAsync("help");

        Assert.NotEmpty(replies.Activities);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("another bot")]
    [InlineData("another service url")]
    public async Task Message_WithoutAValidToken_IsUnauthorized(string token)
    {
        var activity = new TestChat(_server, serviceUrl: ServiceUrl).Activity("message", a => a["text"] = "help");
        _server.Http.DefaultRequestHeaders.Authorization = token switch
        {
            "another bot" => new AuthenticationHeaderValue("Bearer", _issuer.Mint(ServiceUrl, audience: Guid.NewGuid().ToString())),
            "another service url" => new AuthenticationHeaderValue("Bearer", _issuer.Mint("https://smba.trafficmanager.net/emea/")),
            _ => null,
        };

        using var response = await _server.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
