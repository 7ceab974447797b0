namespace CertBot.Storage.Testing;

/// <summary>
/// One Azurite for a test class. When node/npm are missing the tests skip with the reason (call
/// <see cref="RequireServer"/> first in each test); under CI (<c>CI=true</c>) a missing Azurite fails them instead,
/// so CI never passes without running them.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;
    private string? _unavailable;

    public async Task InitializeAsync()
    {
        try
        {
            _server = await AzuriteServer.StartAsync().ConfigureAwait(false);
        }
        catch (AzuriteUnavailableException ex) when (!IsCi)
        {
            _unavailable = ex.Message;
            await Console.Error.WriteLineAsync($"SKIPPING Azurite-backed tests: {ex.Message}. Install Node.js 20+ and npm to run them.").ConfigureAwait(false);
        }
    }

    /// <summary>The running emulator; skips the calling test when it cannot run here.</summary>
    public AzuriteServer RequireServer()
    {
        Skip.If(_unavailable is not null, $"Azurite cannot run here: {_unavailable}. Install Node.js 20+ and npm to run the AzureBlob tests.");
        return _server!;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
