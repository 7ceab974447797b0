using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Tests.Connector;

public sealed class OutgoingActivitySizeTests
{
    // Non-ASCII text and a card far larger than the counting writer's first scratch buffer.
    private static Activity Reply() => new()
    {
        Type = ActivityTypes.Message,
        Text = "Résumé — ✓ " + new string('x', 20_000),
        Attachments =
        [
            new Attachment
            {
                ContentType = "application/vnd.microsoft.card.adaptive",
                Content = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", body = Enumerable.Range(0, 500).Select(i => new { type = "TextBlock", text = $"line {i} <b>&</b>" }) }),
            },
        ],
    };

    [Fact]
    public void Check_ActivityExactlyAtTheLimit_Passes()
    {
        var activity = Reply();
        var size = OutgoingActivitySize.SerializeChecked(activity, int.MaxValue).Length;

        OutgoingActivitySize.Check(activity, size);
    }

    [Fact]
    public void Check_ActivityOneByteOverTheLimit_ThrowsWithTheSerializedSize()
    {
        var activity = Reply();
        var size = OutgoingActivitySize.SerializeChecked(activity, int.MaxValue).Length;

        var ex = Assert.Throws<ActivityTooLargeException>(() => OutgoingActivitySize.Check(activity, size - 1));
        Assert.Equal(size, ex.ActualBytes);
        Assert.Equal(size - 1, ex.LimitBytes);
    }
}
