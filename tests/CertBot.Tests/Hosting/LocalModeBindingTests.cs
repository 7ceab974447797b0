using CertBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace CertBot.Tests.Hosting;

/// <summary>Without an app id the bot accepts unauthenticated requests, so it must only listen on loopback.</summary>
public sealed class LocalModeBindingTests
{
    [Theory]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000")]
    [InlineData("http://+:80", "http://127.0.0.1:80")]
    [InlineData("http://example.com:3978", "http://127.0.0.1:3978")]
    [InlineData("http://localhost:3978", "http://localhost:3978")]
    [InlineData("http://127.0.0.1:0", "http://127.0.0.1:0")]
    [InlineData("http://[::1]:3978", "http://[::1]:3978")]
    public void ResolveUrls_LocalMode_NarrowsToLoopback(string configured, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = configured }).Build();
        Assert.Equal(new[] { expected }, LocalModeBinding.ResolveUrls(configuration, localMode: true)!);
    }

    [Fact]
    public void ResolveUrls_NothingConfigured_DefaultsToLocalhost3978()
    {
        var configuration = new ConfigurationBuilder().Build();
        Assert.Equal(new[] { LocalModeBinding.DefaultUrl }, LocalModeBinding.ResolveUrls(configuration, localMode: true)!);
    }

    [Fact]
    public void ResolveUrls_AuthenticatedMode_KeepsConfiguredUrls()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:8080" }).Build();
        Assert.Null(LocalModeBinding.ResolveUrls(configuration, localMode: false));
    }
}
