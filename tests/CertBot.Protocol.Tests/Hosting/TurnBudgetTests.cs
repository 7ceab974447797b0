using CertBot.Protocol.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Protocol.Tests.Hosting;

public sealed class TurnBudgetTests
{
    [Fact]
    public void Begin_WithReserve_SendsStopBeforeTheEnd()
    {
        var time = new FakeTimeProvider();
        var budget = new TurnBudget(time);

        using (budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)))
        {
            Assert.Equal(TimeSpan.FromSeconds(10), budget.Left);
            Assert.Equal(TimeSpan.FromSeconds(8), budget.SendTimeLeft);
            time.Advance(TimeSpan.FromSeconds(9));
            Assert.Equal(TimeSpan.Zero, budget.SendTimeLeft);
            Assert.Equal(TimeSpan.FromSeconds(1), budget.Left);
        }

        Assert.Null(budget.Left);
        Assert.Null(budget.SendTimeLeft);
    }

    [Fact]
    public void Begin_Nested_NeverOutlivesTheOuterBudget()
    {
        var time = new FakeTimeProvider();
        var budget = new TurnBudget(time);

        using var outer = budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(7));
        using (budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)))
        {
            Assert.Equal(TimeSpan.FromSeconds(3), budget.Left);
            Assert.Equal(TimeSpan.FromSeconds(2), budget.SendTimeLeft);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), budget.SendTimeLeft);
    }

    [Fact]
    public async Task Begin_OtherAsyncFlow_DoesNotSeeIt()
    {
        var budget = new TurnBudget(new FakeTimeProvider());
        using var scope = budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.Zero);

        var seenElsewhere = await Task.Run(() =>
        {
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => budget.Left);
            }
        });

        Assert.Null(seenElsewhere);
        Assert.NotNull(budget.Left);
    }

    [Fact]
    public void ForSends_TimeUp_TokenCancelledAndSaysTimedOut()
    {
        var time = new FakeTimeProvider();
        var budget = new TurnBudget(time);
        using var scope = budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        using var caller = new CancellationTokenSource();

        using var sends = budget.ForSends(TimeSpan.FromSeconds(30), caller.Token);
        time.Advance(TimeSpan.FromSeconds(8));

        Assert.True(sends.Token.IsCancellationRequested);
        Assert.True(sends.TimedOut);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(9.5, 0.5)]
    public void ForCall_OwnLimitOrWhatIsLeft_EndsAtTheEarlierOfTheTwo(double elapsedSeconds, double endsAfterSeconds)
    {
        var time = new FakeTimeProvider();
        var budget = new TurnBudget(time);
        using var scope = budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(elapsedSeconds));

        using var call = budget.ForCall(TimeSpan.FromSeconds(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(endsAfterSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(call.Token.IsCancellationRequested);
        Assert.True(call.TimedOut);
    }

    [Fact]
    public void ForCall_OutsideABudget_EndsAfterItsLimit()
    {
        var time = new FakeTimeProvider();
        var budget = new TurnBudget(time);

        using var call = budget.ForCall(TimeSpan.FromSeconds(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(call.TimedOut);
    }

    [Fact]
    public void ForSends_CallerCancels_NotTimedOut()
    {
        var budget = new TurnBudget(new FakeTimeProvider());
        using var scope = budget.Begin(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        using var caller = new CancellationTokenSource();

        using var sends = budget.ForSends(TimeSpan.FromSeconds(30), caller.Token);
        caller.Cancel();

        Assert.True(sends.Token.IsCancellationRequested);
        Assert.False(sends.TimedOut);
    }
}
