using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Dialogs.Tests;

public sealed class DialogStateJsonConverterTests
{
    // Documents as a host stored them: "{...}" is the dialog property's JSON. Expected: "Status|pending|attempts|slot=value;..." or "null".
    [Theory]
    // Current format (string enums) round-trips
    [InlineData("""{"status":"Active","pendingSlot":"mlYears","values":{"role":"data-scientist"},"attempts":1,"gaveUp":[]}""", "Active|mlYears|1|role=data-scientist")]
    [InlineData("""{"status":"Complete","pendingSlot":null,"values":{"cloud":"aws","mlYears":"4","role":"data-scientist"},"attempts":0,"gaveUp":["cloud"]}""", "Complete||0|cloud=aws;mlYears=4;role=data-scientist")]
    // Migration: documents stored with a numeric status (0 Idle, 1 Active, 2 Complete)
    [InlineData("""{"status":0,"pendingSlot":null,"values":{},"attempts":0,"gaveUp":[]}""", "Idle||0|")]
    [InlineData("""{"status":1,"pendingSlot":"cloud","values":{"role":"software-engineer"},"attempts":2,"gaveUp":[]}""", "Active|cloud|2|role=software-engineer")]
    [InlineData("""{"status":2,"pendingSlot":null,"values":{"cloud":"gcp","mlYears":"3","role":"ml-practitioner"},"attempts":0,"gaveUp":[]}""", "Complete||0|cloud=gcp;mlYears=3;role=ml-practitioner")]
    [InlineData("""{"Status":2,"Values":{"cloud":"gcp","mlYears":3}}""", "Complete||0|cloud=gcp;mlYears=3")]
    // Corrupt documents read as null (the host's Idle), never throw
    [InlineData("""{"status":7,"values":{}}""", "null")]
    [InlineData("""{"status":"Sleeping","values":{}}""", "null")]
    [InlineData("""{"status":"1","values":{}}""", "null")]
    [InlineData("""{"status":"Active","pendingSlot":"role","attempts":0,"gaveUp":[]}""", "null")]
    [InlineData("""{"status":"Active","values":["role"]}""", "null")]
    [InlineData("""{"status":"Active","values":{"role":{"x":1}}}""", "null")]
    [InlineData("""{"status":"Active","values":{},"attempts":"two"}""", "null")]
    [InlineData("""{"status":"Active","values":{},"gaveUp":"cloud"}""", "null")]
    [InlineData("""[1,2,3]""", "null")]
    [InlineData("""  "Active" """, "null")]
    public void Read_StoredDocument_MigratesOrReturnsNull(string dialogJson, string expected)
    {
        var holder = JsonSerializer.Deserialize<Holder>($$"""{"dialog":{{dialogJson}}}""", Options)!;

        Assert.Equal(expected, Describe(holder.Dialog));
    }

    [Theory]
    [InlineData("""{"status":1,"values":{"role":"ds"}""")]
    [InlineData("not json")]
    [InlineData("")]
    public void Parse_MalformedJson_ReturnsNull(string json)
    {
        Assert.Null(DialogStateJsonConverter.Parse(json));
    }

    [Fact]
    public void Write_State_UsesStringEnumsAndReadsBack()
    {
        var state = new DialogState(DialogStatus.Complete, null, new Dictionary<string, string> { ["cloud"] = "aws" }, 0, []);

        var json = JsonSerializer.Serialize(new Holder { Dialog = state }, Options);
        var back = JsonSerializer.Deserialize<Holder>(json, Options)!;

        Assert.Contains("\"status\":\"Complete\"", json, StringComparison.Ordinal);
        Assert.Equal("Complete||0|cloud=aws", Describe(back.Dialog));
        Assert.Equal(JsonSerializer.Serialize(state, DialogJsonContext.Default.DialogState), json["{\"dialog\":".Length..^1]);
    }

    [Fact]
    public void Write_NullState_WritesNull()
    {
        var json = JsonSerializer.Serialize(new Holder(), Options);

        Assert.Equal("""{"dialog":null}""", json);
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static string Describe(DialogState? state) =>
        state is null
            ? "null"
            : $"{state.Status}|{state.PendingSlot}|{state.Attempts}|" +
              string.Join(";", state.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    private sealed class Holder
    {
        [JsonConverter(typeof(DialogStateJsonConverter))]
        public DialogState? Dialog { get; set; }
    }
}
