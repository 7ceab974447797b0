using Microsoft.Extensions.Time.Testing;

namespace CertBot.Testing;

/// <summary>Fake clocks at fixed moments, so dates and staleness checks do not depend on when tests run.</summary>
public static class TestClock
{
    /// <summary>The moment protocol tests start at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock at noon UTC of <paramref name="day"/>.</summary>
    public static FakeTimeProvider At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    /// <summary>A fake clock at <see cref="Start"/>.</summary>
    public static FakeTimeProvider AtStart() => new(Start);
}
