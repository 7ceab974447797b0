namespace CertBot.Tests.Support;

/// <summary>One CertBot server (in-memory state) shared by the tests of a class; each test talks as its own user.</summary>
public sealed class CertBotServerFixture : IAsyncLifetime
{
    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CertBotServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
