namespace CertBot.Protocol.Outbox;

/// <summary>The durable outbox for replies the Connector did not take in time (section <c>BotFramework:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "BotFramework:Outbox";

    /// <summary>False sends every reply inline and lets a failed send fail the turn (the behaviour before the outbox).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due replies when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay; doubled per attempt with ±50% jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delivery attempts before a reply is given up on (logged as an error).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one instance owns a reply it is delivering; another instance may take it over after that.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Budget of one delivery attempt (token and Connector call).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget of one outbox write; it runs even when the turn's own budget is spent.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Replies held at most; beyond this a turn that cannot send fails loudly instead of growing the store.</summary>
    public int MaxPending { get; set; } = 5000;
}
