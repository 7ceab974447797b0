using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SideBySide;

/// <summary>
/// Runs each target in turn, several times, each time from a cold process: cold start to the first answer, then a
/// closed loop of N users each running whole eight-turn conversations (a fresh conversation id each time) for a
/// fixed time after a warm-up. Client and server share the machine's cores, as in the issue's figures.
/// </summary>
internal static class SideBySideRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var certbot = Arguments.Value(args, "--certbot") ?? throw new ArgumentException("--certbot <CertBot.dll> is required");
        var peer = Arguments.Value(args, "--peer");
        var users = int.Parse(Arguments.Value(args, "--users") ?? "64", Invariant);
        var seconds = int.Parse(Arguments.Value(args, "--seconds") ?? "20", Invariant);
        var runs = int.Parse(Arguments.Value(args, "--runs") ?? "3", Invariant);
        var warmup = int.Parse(Arguments.Value(args, "--warmup") ?? "5", Invariant);
        var output = Arguments.Value(args, "--out");
        var self = Environment.ProcessPath!;
        var selfDll = typeof(SideBySideRun).Assembly.Location;

        var targets = new List<Target>
        {
            new("CertBot", Conversation.CertBot, port => Dotnet(certbot, Path.GetDirectoryName(Path.GetFullPath(certbot))!,
                "--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=Memory", "--Logging:LogLevel:Default=Warning")),
        };
        if (peer is not null)
        {
            targets.Add(new("botbuilder-JS peer", Conversation.Peer, port =>
            {
                var info = new ProcessStartInfo("node", ["index.js"]) { WorkingDirectory = peer };
                info.Environment["PORT"] = port.ToString(Invariant);
                return info;
            }));
        }

        targets.Add(new("bare ASP.NET Core ceiling", Conversation.CertBot, port =>
            self.EndsWith("dotnet", StringComparison.Ordinal) || self.EndsWith("dotnet.exe", StringComparison.Ordinal)
                ? Dotnet(selfDll, AppContext.BaseDirectory, "ceiling", "--port", port.ToString(Invariant))
                : new ProcessStartInfo(self, ["ceiling", "--port", port.ToString(Invariant)])));

        // The first request this process makes pays for its own HTTP client's first-call compilation; without this,
        // whichever target is measured first (CertBot) had that added to its cold start and first request.
        await WarmClientAsync();

        var results = new Dictionary<string, List<Measurement>>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var target in targets)
            {
                Console.Error.WriteLine($"run {run}/{runs}: {target.Name}");
                var measurement = await MeasureAsync(target, users, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds));
                Console.Error.WriteLine($"  {Format(measurement)}");
                (results.TryGetValue(target.Name, out var list) ? list : results[target.Name] = []).Add(measurement);
            }
        }

        var table = Table(results, users, seconds, runs);
        Console.WriteLine(table);
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, table);
        }

        return 0;
    }

    private static ProcessStartInfo Dotnet(string dll, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["MicrosoftAppId"] = "";
        return info;
    }

    private static async Task WaitForReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            using var ready = await http.GetAsync("readyz");
            // CertBot answers 200 "ready (degraded)" while it still answers lexically only.
            if (ready.StatusCode == HttpStatusCode.NotFound
                || (ready.StatusCode == HttpStatusCode.OK && !(await ready.Content.ReadAsStringAsync()).Contains("degraded", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not become ready");
    }

    private static async Task<Measurement> MeasureAsync(Target target, int users, TimeSpan warmup, TimeSpan duration)
    {
        var port = ServerProcess.FreePort();
        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Start(target, port);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

        // Cold start: wait until the port accepts, then the first question is the first request the bot sees.
        await WaitForListeningAsync(server, port, TimeSpan.FromMinutes(3));
        var firstStarted = clock.Elapsed;
        await PostAsync(http, Conversation.Message("a:cold-start", 1, target.Conversation.FirstQuestion));
        var firstAnswered = clock.Elapsed;

        // Steady state is measured once the server says it is ready: CertBot embeds its FAQ phrasings in the background
        // after it listens, and that work must not be counted as the cost of the turns measured. Servers without /readyz
        // (the peer, the ceiling) answer 404 and are ready as they listen.
        await WaitForReadyAsync(http, TimeSpan.FromMinutes(3));

        using (var warm = new CancellationTokenSource(warmup))
        {
            await LoadAsync(http, target.Conversation, users, "warm", warm.Token);
        }

        var cpuBefore = server.CpuTime();
        var measured = Stopwatch.StartNew();
        LoadResult load;
        using (var window = new CancellationTokenSource(duration))
        {
            load = await LoadAsync(http, target.Conversation, users, "load", window.Token);
        }

        var elapsed = measured.Elapsed;
        var cpu = server.CpuTime() - cpuBefore;
        var latencies = load.Latencies;
        latencies.Sort();
        return new Measurement(
            latencies.Count / elapsed.TotalSeconds,
            cpu.TotalMilliseconds / Math.Max(1, latencies.Count),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            firstAnswered.TotalMilliseconds,
            (firstAnswered - firstStarted).TotalMilliseconds,
            server.PeakRssMiB(),
            load.Errors);
    }

    private static async Task WaitForListeningAsync(ServerProcess server, int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("the server exited before it listened");
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(2);
            }
        }

        throw new TimeoutException("the server did not listen in time");
    }

    private sealed record LoadResult(List<double> Latencies, int Errors);

    private static async Task<LoadResult> LoadAsync(HttpClient http, Conversation conversation, int users, string prefix, CancellationToken stop)
    {
        var perUser = await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            var userId = Conversation.UserId(user);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"a:{prefix}-{user}-{n}";
                for (var turn = 0; turn < conversation.Turns && !stop.IsCancellationRequested; turn++)
                {
                    var body = turn == 0 ? Conversation.ConversationUpdate(id, turn, userId) : Conversation.Message(id, turn, conversation.Messages[turn - 1], userId);
                    var started = Stopwatch.GetTimestamp();
                    if (await PostAsync(http, body))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }

            return (latencies, errors);
        }, CancellationToken.None)));
        return new LoadResult(perUser.SelectMany(u => u.latencies).ToList(), perUser.Sum(u => u.errors));
    }

    private static async Task WarmClientAsync()
    {
        var port = ServerProcess.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answering = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes("{\"activities\":[]}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        await PostAsync(http, Conversation.Message("a:warm-client", 1, "hello"));
        await answering;
    }

    private static async Task<bool> PostAsync(HttpClient http, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && text.Contains("\"activities\"", StringComparison.Ordinal);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Format(Measurement m) => string.Create(Invariant,
        $"{m.TurnsPerSecond:N0} turns/s, CPU {m.CpuMsPerTurn:0.000} ms/turn, p50 {m.P50Ms:0.0} ms, p99 {m.P99Ms:0.0} ms, cold start {m.ColdStartMs:N0} ms (first request {m.FirstRequestMs:0.0} ms), peak RSS {m.PeakRssMiB:N0} MiB, errors {m.Errors}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Table(Dictionary<string, List<Measurement>> results, int users, int seconds, int runs)
    {
        var names = results.Keys.ToList();
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"| | {string.Join(" | ", names)} |");
        text.AppendLine(Invariant, $"|---|{string.Concat(names.Select(_ => "---:|"))}");
        void Row(string label, Func<Measurement, double> pick, string format, string unit)
        {
            text.Append(Invariant, $"| {label} |");
            foreach (var name in names)
            {
                text.Append(Invariant, $" {Median(results[name].Select(pick)).ToString(format, Invariant)}{unit} |");
            }

            text.AppendLine();
        }

        Row($"turns/s at {users} users", m => m.TurnsPerSecond, "N0", "");
        Row($"server CPU per turn at {users} users", m => m.CpuMsPerTurn, "0.000", " ms");
        Row($"p50 latency at {users} users", m => m.P50Ms, "0.0", " ms");
        Row($"p99 latency at {users} users", m => m.P99Ms, "0.0", " ms");
        Row("cold start to first answer", m => m.ColdStartMs, "N0", " ms");
        Row("first request after listening", m => m.FirstRequestMs, "0.0", " ms");
        Row("peak RSS", m => m.PeakRssMiB, "N0", " MiB");
        Row("failed turns", m => m.Errors, "N0", "");
        text.AppendLine();
        text.AppendLine(Invariant, $"(median of {runs} runs of {seconds} s after a warm-up, closed loop, full eight-turn conversations with expectReplies, in-memory state, client and server sharing {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}.)");
        return text.ToString();
    }
}
