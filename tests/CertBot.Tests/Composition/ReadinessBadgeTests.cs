using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Tests.Composition;

/// <summary>The readiness badges in dialogs/messages.en.yaml: each level has wording and the colour the issue asks for.</summary>
public sealed class ReadinessBadgeTests
{
    private static readonly BotMessages Messages = BotMessages.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "messages.en.yaml"));

    public static TheoryData<string, AdaptiveTextColor> Badges() => new()
    {
        { "ready", AdaptiveTextColor.Good },
        { "close", AdaptiveTextColor.Warning },
        { "notYet", AdaptiveTextColor.Attention },
        { "check", AdaptiveTextColor.Default },
    };

    [Theory]
    [MemberData(nameof(Badges))]
    public void Load_RealFile_BadgeHasWordingAndColour(string level, AdaptiveTextColor expected)
    {
        var words = Messages.Recommendation.Readiness;
        var badge = level switch
        {
            "ready" => words.Ready,
            "close" => words.Close,
            "notYet" => words.NotYet,
            _ => words.Check,
        };

        Assert.False(string.IsNullOrWhiteSpace(badge.Text));
        Assert.Equal(expected, badge.ToTextColor());
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("42")]
    public void ToTextColor_UnknownName_Throws(string color) =>
        Assert.Throws<InvalidDataException>(() => new ReadinessBadge { Text = "x", Color = color }.ToTextColor());
}
