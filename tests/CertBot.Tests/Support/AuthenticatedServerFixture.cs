using CertBot.Testing;

namespace CertBot.Tests.Support;

/// <summary>One CertBot server with authentication on, trusting the keys of its own <see cref="ChannelTokenIssuer"/>.</summary>
public sealed class AuthenticatedServerFixture : IAsyncLifetime
{
    public ChannelTokenIssuer Issuer { get; private set; } = null!;

    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await ChannelTokenIssuer.StartAsync();
        Server = await CertBotServer.StartAsync(null, [.. Issuer.HostArguments]);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
