using System.Net;
using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Teams;

/// <summary>Invoke payloads of the wrong type get 400 for the invoke, never a failed turn (500) or an apology.</summary>
public sealed class BadInvokeTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("{\"commandId\":5,\"parameters\":[{\"name\":\"query\",\"value\":\"aws\"}]}")]
    [InlineData("{\"commandId\":{\"a\":1}}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"parameters\":\"aws\"}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"parameters\":{\"name\":\"query\"}}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"parameters\":[{\"name\":7,\"value\":\"aws\"}]}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"parameters\":[\"aws\"]}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"queryOptions\":\"all\"}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"queryOptions\":{\"skip\":\"one\",\"count\":10}}")]
    [InlineData("{\"commandId\":\"searchCertifications\",\"queryOptions\":{\"skip\":1e40}}")]
    [InlineData("\"aws\"")]
    [InlineData("[1,2]")]
    public async Task ComposeExtensionQuery_WrongTypedValue_Returns400(string value)
    {
        var status = await InvokeAsync("composeExtension/query", JsonNode.Parse(value));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task ComposeExtensionQuery_NullParameter_Ignored()
    {
        var status = await InvokeAsync(
            "composeExtension/query", JsonNode.Parse("{\"commandId\":\"searchCertifications\",\"parameters\":[null,{\"name\":\"query\",\"value\":\"aws\"}]}"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<HttpStatusCode> InvokeAsync(string name, JsonNode? value)
    {
        var chat = new TestChat(_server);
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = name;
            a["value"] = value;
        });
        using var response = await _server.PostAsync(activity);
        return response.StatusCode;
    }
}
