namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Short budgets so fault tests finish in seconds: the same rules as production (10 s turn, 2 s reserve, 5 s attempt),
/// scaled down. <see cref="Bound"/> is what a faulted request may take: the budget plus slack for a loaded machine.
/// </summary>
internal static class FaultSettings
{
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Bound = TurnTimeout + TimeSpan.FromSeconds(2);

    public static Dictionary<string, string?> Fast(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BotFramework:TurnTimeout"] = "00:00:03",
            ["BotFramework:TurnReserve"] = "00:00:01",
            ["BotFramework:InvokeTimeout"] = "00:00:02",
            ["BotFramework:ConnectorTimeout"] = "00:00:01",
            // Not shorter: a new host's first token and metadata fetch pay for JIT, and the machine is shared.
            ["BotFramework:TokenTimeout"] = "00:00:02",
            ["BotFramework:MetadataTimeout"] = "00:00:02",
            ["BotFramework:Outbox:PollInterval"] = "00:00:00.200",
            ["BotFramework:Outbox:RetryBaseDelay"] = "00:00:00.100",
            ["BotFramework:Outbox:RetryMaxDelay"] = "00:00:00.400",
            ["BotFramework:Outbox:DeliveryTimeout"] = "00:00:02",
            ["BotFramework:Outbox:Lease"] = "00:00:03",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Waits (real time, polling) until <paramref name="condition"/> holds; false when it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
