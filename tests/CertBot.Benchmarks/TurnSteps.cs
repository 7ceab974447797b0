using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CertBot.Cli;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Benchmarks;

/// <summary>
/// 'steps': the side-by-side's eight-turn conversation sent in-process, N times after a warm-up pass, with each step's
/// CPU and allocation. Every turn does what a request does between the socket and the socket: the activity is read
/// from its JSON bytes, run through the <see cref="CloudAdapter"/> (in-memory state, expectReplies) and the
/// expectReplies body written as the endpoint writes it; no HTTP, no token check. One user id throughout, a fresh
/// conversation id per conversation, as each simulated user of the side-by-side. CPU is the process's (GC and JIT
/// included), so figures are only comparable between runs on the same machine, alternated.
/// Usage: dotnet run -c Release --project tests/CertBot.Benchmarks -- steps [conversations]
/// </summary>
public static class TurnSteps
{
    private static readonly string[] Messages =
    [
        "get a recommendation", "data scientist", "4", "AWS",
        "do i need a certification to get hired", "how long to prepare for the google ml engineer exam", "is the aws machine learning specialty still available",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        await using var app = CertBotServices.Build(["--Storage:Provider=Memory"]);
        var adapter = app.Services.GetRequiredService<CloudAdapter>();
        await CertBotServices.WhenModelsReadyAsync(app.Services, CancellationToken.None);

        var steps = Messages.Length + 1;
        var cpu = new TimeSpan[steps];
        var threadCpu = new TimeSpan[steps];
        var threadTimed = new int[steps];
        var hops = 0;
        var allocated = new long[steps];
        var sink = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(sink);

        // The warm-up pass runs as many conversations as the measured one, so tiering settles before anything counts.
        for (var pass = 0; pass < 2; pass++)
        {
            var measured = pass == 1;
            for (var n = 0; n < conversations; n++)
            {
                var conversationId = $"a:steps-{pass}-{n}";
                for (var step = 0; step < steps; step++)
                {
                    var body = Encoding.UTF8.GetBytes(step == 0 ? ConversationUpdate(conversationId, step) : Message(conversationId, step, Messages[step - 1]));
                    var cpuBefore = Environment.CpuUsage.TotalTime;
                    var thread = Environment.CurrentManagedThreadId;
                    var threadBefore = ThreadCpuClock.Now();
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

                    var activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity)!;
                    var result = await adapter.ProcessActivityAsync(activity, null, CancellationToken.None);
                    sink.ResetWrittenCount();
                    writer.Reset();
                    JsonSerializer.Serialize(writer, new ExpectedReplies(result.Replies), ProtocolJsonContext.Default.ExpectedReplies);

                    var threadAfter = ThreadCpuClock.Now();
                    var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
                    var cpuAfter = Environment.CpuUsage.TotalTime;
                    if (result.Faulted || (step > 0 && result.Replies.Count == 0))
                    {
                        await Console.Error.WriteLineAsync($"step {step} gave no answer (faulted: {result.Faulted})");
                        return 1;
                    }

                    if (measured)
                    {
                        cpu[step] += cpuAfter - cpuBefore;
                        // A turn that continued on another thread cannot be timed by the thread clock: left out of its mean, and counted.
                        if (thread == Environment.CurrentManagedThreadId && threadAfter - threadBefore is { } spent)
                        {
                            threadCpu[step] += spent;
                            threadTimed[step]++;
                        }
                        else
                        {
                            hops++;
                        }
                        allocated[step] += allocatedAfter - allocatedBefore;
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{conversations} conversations after as many warm-up ones, server GC {System.Runtime.GCSettings.IsServerGC}, {hops} turns ended on another thread (not in the thread figures)"));
        Console.WriteLine("| step | process CPU per turn | turn thread CPU per turn | allocated per turn |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var step = 0; step < steps; step++)
        {
            Print(step == 0 ? "conversationUpdate (welcome)" : $"\"{Messages[step - 1]}\"", cpu[step], threadCpu[step] / Math.Max(1, threadTimed[step]), allocated[step], conversations);
        }

        // The thread mean weighs every step alike, as the process mean does, whichever turns could be timed.
        var threadMean = TimeSpan.FromTicks(Enumerable.Range(0, steps).Sum(s => (threadCpu[s] / Math.Max(1, threadTimed[s])).Ticks) / steps);
        Print("mean per turn", TimeSpan.FromTicks(cpu.Sum(c => c.Ticks)), threadMean, allocated.Sum(), conversations * steps);
        return 0;
    }

    private static void Print(string name, TimeSpan cpu, TimeSpan threadCpuPerTurn, long allocated, int turns) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {cpu.TotalMilliseconds / turns:F3} ms | {threadCpuPerTurn.TotalMilliseconds:F3} ms | {allocated / 1024.0 / turns:F1} KB |"));

    // The side-by-side generator's bodies (bench/SideBySide/Conversation.cs), byte for byte but for the ids.
    private static string ConversationUpdate(string conversationId, int sequence) => Envelope(
        "conversationUpdate", conversationId, sequence, "\"membersAdded\":[{\"id\":\"29:steps-user\",\"name\":\"Bench\"}],");

    private static string Message(string conversationId, int sequence, string text) => Envelope(
        "message", conversationId, sequence, $"\"text\":\"{text}\",");

    private static string Envelope(string type, string conversationId, int sequence, string fields) =>
        "{\"type\":\"" + type + "\",\"id\":\"" + conversationId + "-" + sequence.ToString(CultureInfo.InvariantCulture) + "\"," + fields
        + "\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\",\"locale\":\"en-US\","
        + "\"from\":{\"id\":\"29:steps-user\",\"name\":\"Bench\"},\"recipient\":{\"id\":\"28:bot\",\"name\":\"Bot\"},"
        + "\"conversation\":{\"id\":\"" + conversationId + "\",\"conversationType\":\"personal\",\"tenantId\":\"bench\"}}";
}
