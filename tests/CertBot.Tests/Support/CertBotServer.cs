using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Support;

/// <summary>The real CertBot host on a loopback port (local mode, no auth), driven over HTTP like a channel would.</summary>
public sealed class CertBotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CertBotServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="sqlitePath"/> null means in-memory state.</summary>
    public static Task<CertBotServer> StartAsync(string? sqlitePath = null, params string[] extraArgs)
        => StartCoreAsync(sqlitePath, configureServices: null, extraArgs);

    /// <summary>Starts a server with in-memory state whose services <paramref name="configureServices"/> may replace.</summary>
    public static Task<CertBotServer> StartWithServicesAsync(Action<IServiceCollection> configureServices, params string[] extraArgs)
        => StartCoreAsync(sqlitePath: null, configureServices, extraArgs);

    private static async Task<CertBotServer> StartCoreAsync(string? sqlitePath, Action<IServiceCollection>? configureServices, string[] extraArgs)
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        if (sqlitePath is null)
        {
            args.Add("--Storage:Provider=Memory");
        }
        else
        {
            args.Add("--Storage:Provider=Sqlite");
            args.Add($"--Storage:SqlitePath={sqlitePath}");
        }

        args.AddRange(extraArgs);
        var app = CertBotApp.Build([.. args], configureServices);
        await app.StartAsync();
        // Tests see the bot as it serves once warm: the embedding model and recognizers load in the background.
        await CertBot.Cli.CertBotServices.WhenModelsReadyAsync(app.Services, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CertBotServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Posts an activity with deliveryMode expectReplies and returns the replies of the turn.</summary>
    public async Task<IReadOnlyList<JsonObject>> ExpectRepliesAsync(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray().Select(node => node!.AsObject()).ToList();
        CardDump.Save(replies);
        return replies;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity)
        => Http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
