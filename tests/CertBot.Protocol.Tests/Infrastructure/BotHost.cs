using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using CertBot.Storage.Sqlite;
using CertBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Infrastructure;

/// <summary>The real bot pipeline on Kestrel (127.0.0.1, random port), wired to the shared <see cref="FakeChannel"/>.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeSignal _logged;
    private readonly ChangeSignal _outboxChanged = new();
    private readonly MeterListener _outboxDepth = new();

    private BotHost(WebApplication app, FakeChannel channel, string scope, string? appId, FakeLogCollector logs, ChangeSignal logged, ObservableClock? clock)
    {
        _app = app;
        _logged = logged;
        // Every change of what the outbox holds is recorded on its depth gauge, after the change: this host's
        // measurements (its own meter factory) are the outbox's change signal.
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        _outboxDepth.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "certbot.outbox.depth")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _outboxDepth.SetMeasurementEventCallback<long>((_, _, _, _) => _outboxChanged.Raise());
        _outboxDepth.Start();
        Channel = channel;
        Scope = scope;
        AppId = appId;
        Logs = logs;
        Clock = clock;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    /// <summary>The fake clock every wait of this host runs on, or null when it runs on the system clock.</summary>
    public ObservableClock? Clock { get; }

    public ReplyOutbox Outbox => Services.GetRequiredService<ReplyOutbox>();

    public FakeChannel Channel { get; }
    public string Scope { get; }
    public string? AppId { get; }
    public FakeLogCollector Logs { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public TestBotProbe Probe => Services.GetRequiredService<TestBotProbe>();
    public string ServiceUrl => Channel.ServiceUrl(Scope);
    public IReadOnlyList<RecordedRequest> ConnectorRequests => Channel.ConnectorRequests(Scope);

    /// <summary>
    /// Starts a host. <paramref name="localMode"/> leaves the app id out (anonymous inbound, no outbound token). With a
    /// <paramref name="clock"/>, every timeout, delay, retry wait and TTL of the host runs on it and passes only when the
    /// test advances it; without one the host runs on the system clock (the concurrency tests, whose waits are the
    /// product's own sub-second back-offs between real threads).
    /// </summary>
    public static async Task<BotHost> StartAsync(
        bool localMode = false,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        ObservableClock? clock = null)
    {
        var channel = await FakeChannel.Shared;
        var scope = Guid.NewGuid().ToString("N");
        var appId = localMode ? null : Guid.NewGuid().ToString();
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            // The fake token endpoint answers for any tenant; multi-tenant keeps the tenant id out of every test.
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppPassword"] = localMode ? null : "test-secret",
            ["BotFramework:OpenIdMetadataUrl"] = channel.OpenIdMetadataUrl(scope),
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = channel.EmulatorMetadataUrl(scope),
            ["BotFramework:AllowInsecureMetadata"] = "true",
            ["BotFramework:AuthorityHost"] = channel.HttpsBase,
            ["BotFramework:ConnectorRetryBaseDelay"] = "00:00:00.020",
            ["Storage:Provider"] = "Memory",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(config);
        // Information and up, as a deployed host logs: tests check what reaches the log and what never does.
        var logged = new ChangeSignal();
        // The sink runs after the record is collected, so a test woken by it finds the record in the snapshot.
        var logs = FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            FilteredLevels = { LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical },
            OutputSink = _ => logged.Raise(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (clock is not null)
        {
            // Before the protocol's TryAdd of the system clock, so every service, Polly included, takes this one.
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        builder.Services.AddCertBotProtocol(builder.Configuration);
        if (string.Equals(builder.Configuration["Storage:Provider"], "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddCertBotSqliteStorage(builder.Configuration);
        }
        else
        {
            builder.Services.AddCertBotMemoryStorage();
        }

        builder.Services.AddSingleton<TestBotProbe>();
        builder.Services.AddTransient<IBot, TestBot>();
        var thumbprint = channel.Certificate.Thumbprint;
        builder.Services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint,
            });
        // Named after the typed client, so it is the innermost handler: it sees each attempt the resilience pipeline makes.
        builder.Services.AddHttpClient(nameof(ConnectorClient)).AddHttpMessageHandler(() => new AbandonedAttemptHandler(channel));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapCertBotProtocol();
        var waits = clock?.WaitsSet ?? 0;
        await app.StartAsync();
        var host = new BotHost(app, channel, scope, appId, logs, logged, clock);
        if (clock is not null && app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value is { Enabled: true } outbox)
        {
            // Started means idle: the outbox worker has made its first pass and sleeps until its next poll, so a test's
            // first step of the clock cannot land before the worker's first wait is set.
            await clock.NextWaitAsync(d => d == outbox.PollInterval, after: waits);
        }
        return host;
    }

    /// <summary>
    /// Waits until nothing more can reach this host's Connector without the clock moving: the outbox holds nothing and
    /// the fake channel holds no request of this host's, looked at again each time the outbox or the channel changes
    /// (real time only as a safety net). With the clock standing still no retry or poll can start after that, so what
    /// was posted by then is all that will be.
    /// </summary>
    public async Task SettledAsync()
    {
        var settled = await ChangeSignal.UntilAsync(
            () => Outbox.PendingCount == 0 && Channel.InFlight(Scope) == 0, Faults.FaultSettings.Safety, () => _outboxChanged.Next, () => Channel.NextChange);
        Assert.True(settled, $"not settled: {Outbox.PendingCount} replies in the outbox, {Channel.InFlight(Scope)} Connector requests held");
    }

    /// <summary>Waits until this host has logged a record <paramref name="match"/> accepts, looking again at each record logged.</summary>
    public async Task LoggedAsync(Func<FakeLogRecord, bool> match, string what)
    {
        ArgumentNullException.ThrowIfNull(match);
        var logged = await ChangeSignal.UntilAsync(() => Logs.GetSnapshot().Any(match), Faults.FaultSettings.Safety, () => _logged.Next);
        Assert.True(logged, "never logged: " + what);
    }

    /// <summary>A message activity from a Teams user to this bot, addressed to this host's fake Connector.</summary>
    public Activity Message(string text, string? conversationId = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount { Id = "29:user-1", Name = "Jane Doe", AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount { Id = "28:" + (AppId ?? "local"), Name = "CertBot" },
        Conversation = new ConversationAccount { Id = conversationId ?? "a:conv-" + Guid.NewGuid().ToString("N"), ConversationType = "personal", TenantId = "tenant-1" },
        Text = text,
        Locale = "en-US",
    };

    public Activity Invoke(string name, string valueJson = "{}")
    {
        var activity = Message("");
        activity.Type = ActivityTypes.Invoke;
        activity.Text = null;
        activity.Name = name;
        activity.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        return activity;
    }

    /// <summary>A valid channel token for this host and service URL.</summary>
    public string Token(string? serviceUrl = null) => TestKeys.Mint(AppId!, serviceUrl ?? ServiceUrl);

    /// <summary>Posts an activity with a valid token (unless <paramref name="authorization"/> overrides the header; "" sends none).</summary>
    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null)
    {
        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);
        return PostRawAsync(json, authorization ?? (AppId is null ? "" : "Bearer " + Token(activity.ServiceUrl)));
    }

    public async Task<HttpResponseMessage> PostRawAsync(string json, string authorization = "", string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _outboxDepth.Dispose();
        // Stopped first (the worker and sweeper end on their cancelled tokens), so the clock is not touched for them.
        await _app.StopAsync();
        var waits = Clock?.WaitsSet ?? 0;
        var disposing = _app.DisposeAsync().AsTask();
        using var disposed = new CancellationTokenSource();
        // Polly's pipelines, when disposed, wait on the clock for calls still in flight (a hung background refresh):
        // on the fake clock that wait alone is given the time it asks for, or it would never end.
        while (Clock is not null && !disposing.IsCompleted)
        {
            var next = Clock.NextWaitAsync(_ => true, after: waits, cancellationToken: disposed.Token);
            if (await Task.WhenAny(disposing, next) == next)
            {
                waits = Clock.WaitsSet;
                Clock.Advance(await next);
            }
        }

        await disposed.CancelAsync();
        await disposing;
    }
}
