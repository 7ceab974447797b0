using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CertBot.Storage.Testing;
using CertBot.Tests.Conversation;
using CertBot.Tests.Support;

namespace CertBot.Tests.ScaleOut;

/// <summary>
/// Two CertBot processes on one Azurite container behind a client that round-robins and fails over like a load
/// balancer; one is killed with SIGKILL in the middle of the load.
/// </summary>
public sealed class KillOneInstanceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly (string Utterance, string Role, decimal Years, string Cloud)[] Profiles =
    [
        ("data scientist, 4 years of ML, azure", "data-scientist", 4, "azure"),
        ("ML engineer with 6 years, we use azure", "ml-practitioner", 6, "azure"),
        ("data scientist, 4 years of ML, 2 years on AWS", "data-scientist", 4, "aws"),
        ("swe, 0 years of ml, cloud undecided", "software-engineer", 0, "undecided"),
    ];

    [SkippableFact]
    public async Task KillNine_OneInstanceMidLoad_LosesNoAcknowledgedUpdate_AndTheOtherKeepsAnswering()
    {
        var server = azurite.RequireServer();
        string[] args =
        [
            "--Storage:Provider=AzureBlob",
            $"--Storage:AzureBlob:ConnectionString={server.ConnectionString}",
            $"--Storage:AzureBlob:Container=kill-{Guid.NewGuid().ToString("N")[..20]}",
            "--Knowledge:Semantic:Enabled=false",
        ];
        await using var victim = await CertBotProcess.StartAsync(args);
        await using var survivor = await CertBotProcess.StartAsync(args);

        var acknowledged = new ConcurrentDictionary<string, int>();
        var survivorFailures = new ConcurrentQueue<string>();
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var killed = false;

        async Task WorkerAsync(int worker)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var user = $"29:load-{worker}-{n}";
                var profile = (worker + n) % Profiles.Length;
                var activity = Message(user, Profiles[profile].Utterance);
                // Round-robin, and on a refused or failed call the next instance, as a load balancer would.
                var first = Interlocked.Increment(ref sent) % 2 == 0 && !Volatile.Read(ref killed) ? victim : survivor;
                foreach (var target in first == victim ? new[] { victim, survivor } : [survivor])
                {
                    try
                    {
                        using var response = await PostAsync(target, activity, failover: target == survivor && first == victim);
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.OK && Recommends(body, profile))
                        {
                            acknowledged[user] = profile;
                            break;
                        }

                        if (target == survivor && first == victim && response.StatusCode == HttpStatusCode.OK && body == "{\"activities\":[]}")
                        {
                            // The victim saved this turn and was killed before it answered: the redelivery is a duplicate
                            // of a finished turn. Its update must be in the store all the same.
                            acknowledged[user] = profile;
                            break;
                        }

                        if (target == survivor)
                        {
                            survivorFailures.Enqueue($"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                        }
                    }
                    catch (HttpRequestException ex) when (target == victim)
                    {
                        _ = ex; // the killed instance: fail over
                    }
                    catch (TaskCanceledException) when (target == victim)
                    {
                        // A request cut off by the kill: never acknowledged, so nothing is owed for it.
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, 6).Select(WorkerAsync).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 30);
        victim.KillHard();
        Volatile.Write(ref killed, true);
        var atKill = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= atKill + 30);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Empty(survivorFailures);
        // Every acknowledged profile is in the store: the survivor (which served only some of them) recalls each one.
        foreach (var (user, profile) in acknowledged)
        {
            using var response = await survivor.PostAsync(Message(user, "what did you recommend for me?"));
            var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
            var (_, role, years, cloud) = Profiles[profile];
            ProfileTranscriptTests.AssertRecommendation(new Replies(replies), role, years, cloud);
        }
    }

    /// <summary>
    /// Posts as the channel would: a failover of an activity the killed instance had claimed is answered 503 "Busy"
    /// with Retry-After while that claim lasts (every request is bounded by the turn budget, and a dead instance's claim
    /// outlives it), so the channel's redelivery after the wait is what must run it.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(CertBotProcess target, JsonObject activity, bool failover)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await target.PostAsync((JsonObject)activity.DeepClone());
            if (!failover || attempt == 6 || response.StatusCode != HttpStatusCode.ServiceUnavailable
                || !(await response.Content.ReadAsStringAsync()).Contains("\"title\":\"Busy\"", StringComparison.Ordinal))
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            response.Dispose();
            // Real time: the Retry-After of a real CertBot process, which runs on the system clock.
            await Task.Delay(wait);
        }
    }

    private static bool Recommends(string body, int profile)
    {
        try
        {
            var replies = JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
            var (_, role, years, cloud) = Profiles[profile];
            ProfileTranscriptTests.AssertRecommendation(new Replies(replies), role, years, cloud);
            return true;
        }
#pragma warning disable CA1031 // Any mismatch means "not acknowledged"; the survivor's failures are asserted separately.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static JsonObject Message(string userId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = $"act-{Guid.NewGuid():N}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Load" },
        ["recipient"] = new JsonObject { ["id"] = TestChat.BotId, ["name"] = TestChat.BotName },
        ["conversation"] = new JsonObject { ["id"] = "a:" + userId, ["conversationType"] = "personal", ["tenantId"] = "72f988bf-0000-0000-0000-000000000001" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000001" } },
        ["locale"] = "en-US",
        ["text"] = text,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the load made no progress");
            // Real time: the load runs in other processes; polling is the only way to see their progress.
            await Task.Delay(50);
        }
    }
}
