namespace CertBot.Knowledge.Tests;

/// <summary>A clock pinned to one day, so staleness checks do not depend on when tests run.</summary>
internal sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
