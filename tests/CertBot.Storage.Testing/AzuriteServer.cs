using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CertBot.Storage.Testing;

/// <summary>
/// Microsoft's Azure Storage emulator (npm <c>azurite</c>, pinned in <c>tests/azurite/package-lock.json</c>), installed
/// with <c>npm ci</c> on first use and started on a free loopback port with in-memory persistence; stopped on dispose.
/// Throws <see cref="AzuriteUnavailableException"/> when node or npm is missing (tests then skip, loudly; under CI they fail).
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's documented development account (public, the same for every Azurite).</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _workspace;

    private AzuriteServer(Process process, string workspace, int port)
    {
        _process = process;
        _workspace = workspace;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{DevAccount};";

    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "azurite");
        var node = Executable.Find("node") ?? throw new AzuriteUnavailableException("node is not installed (Azurite runs on Node.js 20+)");
        await EnsureInstalledAsync(folder, cancellationToken).ConfigureAwait(false);

        var workspace = Path.Combine(Path.GetTempPath(), "certbot-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        var start = new ProcessStartInfo(node)
        {
            // Anything Azurite writes beside its in-memory store lands in a temporary folder, not the checkout.
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(folder, "node_modules", "azurite", "dist", "src", "blob", "main.js"),
                     "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence",
                     "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("Azurite exited: " + string.Join(" | ", output)));
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await listening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            return new AzuriteServer(process, workspace, port);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Runs <c>npm ci</c> from the committed lockfile unless the pinned version is already installed; one installer at a time.</summary>
    private static async Task EnsureInstalledAsync(string folder, CancellationToken cancellationToken)
    {
        var wanted = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json"), cancellationToken).ConfigureAwait(false))
            .RootElement.GetProperty("devDependencies").GetProperty("azurite").GetString();
        var installedManifest = Path.Combine(folder, "node_modules", "azurite", "package.json");
        if (InstalledVersion(installedManifest) == wanted)
        {
            return;
        }

        // Test projects run in parallel, in processes of their own; the lock keeps two 'npm ci' from deleting each other's node_modules.
        await using var gate = await CrossProcessLock.AcquireAsync("certbot-azurite-install", cancellationToken).ConfigureAwait(false);
        if (InstalledVersion(installedManifest) == wanted)
        {
            return;
        }

        var npm = Executable.Find("npm") ?? throw new AzuriteUnavailableException("npm is not installed (needed once to install Azurite from tests/azurite/package-lock.json)");
        var install = new ProcessStartInfo(npm)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            install.ArgumentList.Add(arg);
        }

        using var process = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in tests/azurite failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)} {await stdout.ConfigureAwait(false)}");
        }
    }

    private static string? InstalledVersion(string manifest) =>
        File.Exists(manifest) ? JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString() : null;

    [GeneratedRegex(@"successfully listens on https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>Azurite cannot run on this machine (no node or npm); the reason says what is missing.</summary>
public sealed class AzuriteUnavailableException : Exception
{
    public AzuriteUnavailableException() { }
    public AzuriteUnavailableException(string message) : base(message) { }
    public AzuriteUnavailableException(string message, Exception inner) : base(message, inner) { }
}
