using System.Net;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Diagnostics;

/// <summary>Attacker-chosen strings (newlines, 100 KB) never reach a log line as they were sent.</summary>
public sealed class WireValuesInLogsTests
{
    [Fact]
    public async Task Post_LongActivityIdAndBotFails_LoggedCut()
    {
        await using var host = await BotHost.StartAsync();
        var activity = host.Message("throw");
        activity.Id = "act-" + new string('z', 1000);

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failure = Assert.Single(host.Logs.Lines, l => l.StartsWith("Error: Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain(new string('z', 200), failure, StringComparison.Ordinal);
        Assert.Contains("chars)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConnectorErrorBodyWithNewlinesAnd100KB_LoggedOnOneLineAndCut()
    {
        await using var host = await BotHost.StartAsync();
        host.Channel.ScriptErrorBody(host.Scope, "{\"error\":\"x\"}\nInformation: user admin signed in\r\n\u001b[2J" + new string('q', 100_000));
        host.Channel.ScriptConnector(host.Scope, (400, null));

        using var response = await host.PostAsync(host.Message("hello"));

        var line = Assert.Single(host.Logs.Lines, l => l.Contains("Connector call", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.True(line.Length < 1024, $"logged {line.Length} chars");
    }
}
