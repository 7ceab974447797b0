using System.Text.Json;
using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Tests.Conversation;

/// <summary>The user document keeps the dialog in the dialog library's own format, and still reads documents written before.</summary>
public sealed class UserStateFormatTests
{
    [Fact]
    public void Serialize_ActiveDialog_WritesTheStatusAsAString()
    {
        var state = new CertBotUserState
        {
            Dialog = new DialogState(DialogStatus.Active, "mlYears", new Dictionary<string, string> { ["role"] = "data-scientist" }, 0, []),
        };

        var json = JsonSerializer.Serialize(state, HostJsonContext.Default.CertBotUserState);

        Assert.Contains("\"status\":\"active\"", json.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_DocumentStoredWithNumericStatus_IsMigrated()
    {
        const string stored = """{"dialog":{"status":1,"pendingSlot":"cloud","values":{"role":"software-engineer","mlYears":"2"},"attempts":0,"gaveUp":[]}}""";

        var state = JsonSerializer.Deserialize(stored, HostJsonContext.Default.CertBotUserState);

        Assert.Equal(DialogStatus.Active, state?.Dialog?.Status);
        Assert.Equal("cloud", state?.Dialog?.PendingSlot);
        Assert.Equal("2", state?.Dialog?.ValueOf("mlYears"));
    }

    [Fact]
    public void Deserialize_CorruptDialog_ReadsAsNoDialog()
    {
        const string stored = """{"dialog":{"status":"sideways","values":7}}""";

        var state = JsonSerializer.Deserialize(stored, HostJsonContext.Default.CertBotUserState);

        Assert.NotNull(state);
        Assert.Null(state!.Dialog);
    }
}
