using System.Net;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Diagnostics;

/// <summary>Attacker-chosen strings (newlines, 100 KB) never reach a log line as they were sent.</summary>
public sealed class WireValuesInLogsTests
{
    [Fact]
    public async Task Post_ActivityIdWithNewlinesAndBotFails_LoggedCutAndOnOneLine()
    {
        await using var host = await BotHost.StartAsync();
        var activity = host.Message("throw");
        activity.Id = "act-1\nInformation: user admin signed in\r\n" + new string('z', 900);

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failure = Assert.Single(host.Logs.Lines, l => l.StartsWith("Error: Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', failure);
        Assert.DoesNotContain('\r', failure);
        Assert.DoesNotContain(new string('z', 200), failure, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("\nInformation: user admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DuplicateWithControlCharacters_LoggedClean()
    {
        await using var host = await BotHost.StartAsync();
        var activity = host.Message("hello");
        activity.Id = "dup\u001b[2J\u202Eid";

        using var first = await host.PostAsync(activity);
        using var second = await host.PostAsync(activity);

        var line = Assert.Single(host.Logs.Lines, l => l.Contains("Duplicate delivery", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u202E', line);
    }
}
