using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using CertBot.Testing;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Hosting;

public sealed class ActivityDeduplicatorTests
{
    private static ActivityDeduplicator Create(TimeProvider clock, int capacity = 100) => new(
        Options.Create(new BotFrameworkOptions { DeduplicationWindow = TimeSpan.FromMinutes(5), DeduplicationCapacity = capacity }), clock);

    [Fact]
    public void TryRegister_RepeatWithinWindow_False_AfterWindow_True()
    {
        var clock = TestClock.AtStart();
        var dedup = Create(clock);

        Assert.True(dedup.TryRegister("c", "1"));
        Assert.False(dedup.TryRegister("c", "1"));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(dedup.TryRegister("c", "1"));
    }

    [Fact]
    public void TryRegister_BeyondCapacity_StaysBounded()
    {
        var dedup = Create(TestClock.AtStart(), capacity: 10);

        for (var i = 0; i < 1000; i++)
        {
            dedup.TryRegister("c", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(dedup.Count <= 10);
        Assert.False(dedup.TryRegister("c", "999"));
    }
}
