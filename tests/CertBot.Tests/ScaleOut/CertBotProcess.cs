using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CertBot.Storage.Testing;

namespace CertBot.Tests.ScaleOut;

/// <summary>A real CertBot process (the built CertBot.dll, run from the checkout) on a free loopback port, killable with SIGKILL.</summary>
public sealed class CertBotProcess : IAsyncDisposable
{
    /// <summary>The host's category and message for "listening and models loaded" (<c>ReadinessAnnouncer</c>).</summary>
    private const string ReadyCategory = "CertBot.Hosting.ReadinessAnnouncer";
    private const string ReadyLine = "CertBot is ready: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CertBotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<CertBotProcess> StartAsync(params string[] args)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CertBot.dll");
        var start = new ProcessStartInfo(Executable.Find("dotnet") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        // Warnings only, but the line that says the bot is ready, which is what this waits for.
        foreach (var arg in new[] { "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", $"--Logging:LogLevel:{ReadyCategory}=Information" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var bot = new CertBotProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitReadyAsync();
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed; what the process had not saved is lost.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, CancellationToken cancellationToken = default) =>
        Http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// Until the process logs that it is ready (listening, its models loaded), then /readyz must say so too. The line
    /// comes from its redirected output; the timeout only bounds a start that never ends, and an exit ends the wait at once.
    /// </summary>
    private async Task WaitReadyAsync()
    {
        var exited = _process.WaitForExitAsync();
        try
        {
            if (await Task.WhenAny(_ready.Task, exited).WaitAsync(StartTimeout) == exited)
            {
                throw new InvalidOperationException($"CertBot exited with {_process.ExitCode}: {Output}");
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("CertBot did not become ready: " + Output);
        }

        using var ready = await Http.GetAsync("readyz");
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"CertBot said it was ready but /readyz answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()} {Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
