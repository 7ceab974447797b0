using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CertBot.Storage.Testing;

namespace CertBot.Benchmarks.ScaleOut;

/// <summary>
/// Load benchmark for issue 9: whole eight-turn conversations (expectReplies) from 1, 16 and 64 concurrent users
/// against real CertBot processes: one on SQLite, one on Azurite, two on Azurite (round-robin per turn). Reports
/// turns/s, p50/p99 turn latency, bot CPU per turn (from /proc) and the peak resident memory of each bot process.
/// Usage: dotnet run -c Release --project tests/CertBot.Benchmarks -- load [seconds per run] [users,users,...] [setup filter, e.g. sqlite]
/// </summary>
public static class ConversationLoad
{
    /// <summary>The failed-turn apology (the English catalogue's <c>errors.apology</c> is this same sentence).</summary>
    private static readonly string Apology = CertBot.Protocol.Configuration.BotFrameworkOptions.DefaultErrorMessage;

    private static readonly string[] Turns =
    [
        "hi",
        "which cert should I get?",
        "data scientist",
        "4 years",
        "azure",
        "what did you recommend for me?",
        "how long to prepare for google ml engineer exam",
        "thanks",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var userCounts = args.Length > 1 ? args[1].Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray() : [1, 16, 64];
        await using var azurite = await AzuriteServer.StartAsync();
        Console.WriteLine("| setup | users | turns/s | p50 ms | p99 ms | bot CPU per turn ms | peak RSS per bot MiB | failed turns |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var only = args.Length > 2 ? args[2] : null;
        foreach (var (name, instances, blob) in new[] { ("1 × SQLite", 1, false), ("1 × Azurite", 1, true), ("2 × Azurite", 2, true) })
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var users in userCounts)
            {
                var data = Directory.CreateTempSubdirectory("certbot-load-");
                var store = blob
                    ? new[] { "--Storage:Provider=AzureBlob", $"--Storage:AzureBlob:ConnectionString={azurite.ConnectionString}", $"--Storage:AzureBlob:Container=load-{Guid.NewGuid().ToString("N")[..20]}" }
                    : ["--Storage:Provider=Sqlite", $"--Storage:SqlitePath={Path.Combine(data.FullName, "certbot.db")}"];
                var bots = new List<Bot>();
                try
                {
                    for (var i = 0; i < instances; i++)
                    {
                        bots.Add(await Bot.StartAsync(store));
                    }

                    var result = await DriveAsync(bots, users, TimeSpan.FromSeconds(seconds));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {users} | {result.TurnsPerSecond:F0} | {result.P50:F1} | {result.P99:F1} | {result.CpuMsPerTurn:F2} | {string.Join(" / ", bots.Select(b => (b.PeakRssBytes() / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)))} | {result.Failed} |"));
                }
                finally
                {
                    foreach (var bot in bots)
                    {
                        bot.Dispose();
                    }

                    data.Delete(recursive: true);
                }
            }
        }

        return 0;
    }

    private static async Task<Result> DriveAsync(List<Bot> bots, int users, TimeSpan duration)
    {
        // Warm-up (JIT, model, caches), not counted.
        await RunUsersAsync(bots, users, TimeSpan.FromSeconds(3), []);
        var cpuBefore = bots.Sum(b => b.CpuSeconds());
        var latencies = new List<double>();
        var stopwatch = Stopwatch.StartNew();
        var failed = await RunUsersAsync(bots, users, duration, latencies);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpu = bots.Sum(b => b.CpuSeconds()) - cpuBefore;
        latencies.Sort();
        return new Result(
            latencies.Count / elapsed,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            cpu * 1000 / Math.Max(1, latencies.Count),
            failed);
    }

    private static async Task<int> RunUsersAsync(List<Bot> bots, int users, TimeSpan duration, List<double> latencies)
    {
        var failed = 0;
        var next = 0;
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, users).Select(async worker =>
        {
            while (DateTime.UtcNow < end)
            {
                var user = "29:load-" + Guid.NewGuid().ToString("N");
                foreach (var text in Turns)
                {
                    var bot = bots[Interlocked.Increment(ref next) % bots.Count];
                    var started = Stopwatch.GetTimestamp();
                    using var response = await bot.Http.PostAsync("api/messages", new StringContent(Message(user, text), Encoding.UTF8, "application/json"));
                    var body = await response.Content.ReadAsStringAsync();
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        // With expectReplies a failed turn is still 200, with the apology as its reply: that is a failure too.
                        if (response.StatusCode == HttpStatusCode.OK && !body.Contains(Apology, StringComparison.Ordinal))
                        {
                            latencies.Add(ms);
                        }
                        else
                        {
                            failed++;
                        }
                    }
                }
            }
        }));
        return failed;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Message(string user, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "act-" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = user, ["name"] = "Load" },
        ["recipient"] = new JsonObject { ["id"] = "28:certbot", ["name"] = "CertBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + user, ["conversationType"] = "personal", ["tenantId"] = "tenant" },
        ["locale"] = "en-US",
        ["text"] = text,
    }.ToJsonString();

    private sealed record Result(double TurnsPerSecond, double P50, double P99, double CpuMsPerTurn, int Failed);

    /// <summary>One CertBot process (the built CertBot.dll next to this tool), run from the checkout on a free port.</summary>
    private sealed class Bot : IDisposable
    {
        private readonly Process _process;

        private Bot(Process process, int port)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        }

        public HttpClient Http { get; }

        public static async Task<Bot> StartAsync(string[] store)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Find(), UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CertBot.dll"), "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning" }.Concat(store))
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var bot = new Bot(process, port);
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    using var ready = await bot.Http.GetAsync("readyz");
                    if (ready.StatusCode == HttpStatusCode.OK && (await ready.Content.ReadAsStringAsync()).StartsWith("ready\n", StringComparison.Ordinal))
                    {
                        return bot;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }

            bot.Dispose();
            throw new TimeoutException("CertBot did not become ready.");
        }

        /// <summary>utime + stime from /proc/[pid]/stat.</summary>
        public double CpuSeconds()
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        /// <summary>VmHWM: the peak resident set of the process.</summary>
        public long PeakRssBytes()
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }
    }
}
