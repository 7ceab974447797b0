using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertBot.Tests.Support;

/// <summary>A Bot Framework Connector on loopback that records every call the bot makes and answers like Teams.</summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private RecordingConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Status the create-conversation call answers with (Teams says 403 when the app is not installed for the user).</summary>
    public int CreateConversationStatus { get; set; } = 200;

    public string ServiceUrl { get; private set; } = "";

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.Map("/v3/conversations/{**rest}", (Func<HttpContext, Task<IResult>>)connector.RecordAsync);
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)connector.CreateAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public IReadOnlyList<RecordedCall> Where(string method, string pathContains)
        => Calls.Where(c => c.Method == method && c.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    private async Task<IResult> RecordAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Calls.Enqueue(new RecordedCall(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), body.Length == 0 ? null : JsonNode.Parse(body)?.AsObject()));
        return Results.Json(new { id = $"sent-{Interlocked.Increment(ref _ids)}" });
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Calls.Enqueue(new RecordedCall("POST", "/v3/conversations", JsonNode.Parse(body)?.AsObject()));
        return CreateConversationStatus == 200
            ? Results.Json(new { id = "a:personal-chat" })
            : Results.Json(new { error = new { code = "Forbidden", message = "The bot is not installed for this user." } }, statusCode: CreateConversationStatus);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One call the bot made to the Connector.</summary>
public sealed record RecordedCall(string Method, string Path, JsonObject? Body);
