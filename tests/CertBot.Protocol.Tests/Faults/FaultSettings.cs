namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// The budgets fault tests run with: the same rules as production (10 s turn, 2 s reserve, 5 s attempt, 1 s for the
/// de-duplication record, 2 s per health check), scaled down and written out, so a test on the fake clock knows
/// exactly which step makes which timeout fire.
/// </summary>
internal static class FaultSettings
{
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan TurnReserve = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ConnectorTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan OutboxPollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan OutboxRetryMaxDelay = TimeSpan.FromMilliseconds(400);
    public static readonly TimeSpan OutboxLease = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DeduplicationWriteTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Above <see cref="MetadataTimeout"/>, so a signing-keys check still answers by its own bound first.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>Where the turn of an activity with an id is cut: its record's write has the rest of the request's budget.</summary>
    public static TimeSpan ClaimedTurnTimeout => TurnTimeout - DeduplicationWriteTimeout;

    /// <summary>Real time a test waits for work on other threads before it calls that work lost (never what makes time pass).</summary>
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    public static Dictionary<string, string?> Fast(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BotFramework:TurnTimeout"] = TurnTimeout.ToString(),
            ["BotFramework:TurnReserve"] = TurnReserve.ToString(),
            ["BotFramework:InvokeTimeout"] = "00:00:02",
            ["BotFramework:ConnectorTimeout"] = ConnectorTimeout.ToString(),
            ["BotFramework:TokenTimeout"] = TokenTimeout.ToString(),
            ["BotFramework:MetadataTimeout"] = MetadataTimeout.ToString(),
            ["BotFramework:Outbox:PollInterval"] = OutboxPollInterval.ToString(),
            ["BotFramework:Outbox:RetryBaseDelay"] = "00:00:00.100",
            ["BotFramework:Outbox:RetryMaxDelay"] = OutboxRetryMaxDelay.ToString(),
            ["BotFramework:Outbox:DeliveryTimeout"] = "00:00:02",
            ["BotFramework:Outbox:Lease"] = OutboxLease.ToString(),
            ["BotFramework:DeduplicationWriteTimeout"] = DeduplicationWriteTimeout.ToString(),
            ["BotFramework:HealthCheckTimeout"] = HealthCheckTimeout.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The task's result, failing the test if it has not come within <see cref="Safety"/> of real time.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Safety);
}
