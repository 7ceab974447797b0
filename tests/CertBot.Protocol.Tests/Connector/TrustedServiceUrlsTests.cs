using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Connector;

public sealed class TrustedServiceUrlsTests
{
    private static TrustedServiceUrls Create() => new(Options.Create(new BotFrameworkOptions()));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://SMBA.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://169.254.169.254/metadata/", false)]
    public void IsTrusted_AllowListedHostsOverHttpsOnly(string url, bool expected)
    {
        Assert.Equal(expected, Create().IsTrusted(new Uri(url)));
    }

    [Fact]
    public void IsTrusted_AfterValidatedClaim_TrustsThatAuthorityOnly()
    {
        var trust = Create();

        trust.TrustValidated("https://bots.example.com:8443/x/");

        Assert.True(trust.IsTrusted(new Uri("https://bots.example.com:8443/other/")));
        Assert.False(trust.IsTrusted(new Uri("https://bots.example.com/x/")));
    }
}
