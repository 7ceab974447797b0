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
    private static readonly TimeSpan VictimTurnTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan VictimClaimTimeout = TimeSpan.FromSeconds(6);

    /// <summary>Longer than <see cref="VictimClaimTimeout"/> with room for the turn that runs once the claim is taken over.</summary>
    private static readonly TimeSpan SurvivorTurnTimeout = TimeSpan.FromSeconds(20);

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
        // The victim's claims lapse sooner than the default 15 s (still longer than its turns, as the settings require),
        // and the survivor's budget outlasts them: a failover of an activity the victim had claimed waits inside the
        // survivor until that claim lapses and then runs it, so no request of this test waits on a Retry-After.
        await using var victim = await CertBotProcess.StartAsync(
            [.. args, $"--BotFramework:TurnTimeout={VictimTurnTimeout}", $"--BotFramework:DeduplicationClaimTimeout={VictimClaimTimeout}"]);
        await using var survivor = await CertBotProcess.StartAsync(
            [.. args, $"--BotFramework:TurnTimeout={SurvivorTurnTimeout}", $"--BotFramework:DeduplicationClaimTimeout={SurvivorTurnTimeout + TimeSpan.FromSeconds(5)}"]);

        var acknowledged = new ConcurrentDictionary<string, int>();
        var progress = new AcknowledgedCount();
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
                        using var response = await target.PostAsync(activity);
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.OK && Recommends(body, profile))
                        {
                            acknowledged[user] = profile;
                            progress.Report(acknowledged.Count);
                            break;
                        }

                        if (target == survivor && first == victim && response.StatusCode == HttpStatusCode.OK && body == "{\"activities\":[]}")
                        {
                            // The victim saved this turn and was killed before it answered: the redelivery is a duplicate
                            // of a finished turn. Its update must be in the store all the same.
                            acknowledged[user] = profile;
                            progress.Report(acknowledged.Count);
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
        await ProgressAsync(progress, 30);
        victim.KillHard();
        Volatile.Write(ref killed, true);
        var atKill = progress.Count;
        await ProgressAsync(progress, atKill + 30);
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

    /// <summary>Until the workers have <paramref name="mark"/> acknowledged updates; the timeout only bounds a load that stopped.</summary>
    private static async Task ProgressAsync(AcknowledgedCount progress, int mark)
    {
        try
        {
            await progress.ReachedAsync(mark).WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the load made no progress: {progress.Count} of {mark} updates acknowledged");
        }
    }
}
