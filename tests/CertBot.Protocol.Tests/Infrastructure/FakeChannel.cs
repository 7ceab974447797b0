using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Tests.Infrastructure;

/// <summary>A request the fake Connector received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body, string? ConversationHeader);

/// <summary>How the fake Connector treats the next request of a scope, beyond answering with a status.</summary>
public enum ConnectorFault
{
    /// <summary>Never answers (until the fault is cleared or the caller gives up).</summary>
    Hang,

    /// <summary>Reads and records the request, then drops the connection without an answer (it counts as posted).</summary>
    AcceptAndDrop,
}

/// <summary>
/// The fake channel side, as real loopback servers: OpenID metadata + JWKS (per scope, fetch-counted), an https
/// token endpoint (per client id, call-counted) and a Connector that records requests and can be scripted.
/// Shared by all tests; every bot host uses its own scope so tests can run in parallel.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private static readonly Lazy<Task<FakeChannel>> SharedInstance = new(StartAsync);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _connector = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _jwksFetches = new();
    private readonly ConcurrentDictionary<string, bool> _lateKeyPublished = new();
    private readonly ConcurrentQueue<(string Path, Dictionary<string, string> Form)> _tokenRequests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _posted = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ConnectorFault>> _faults = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _connectorHangs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _metadataHangs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _tokenHangs = new();
    private readonly ConcurrentDictionary<string, string> _errorBodies = new();
    private readonly ConcurrentDictionary<string, bool> _abandonedAttempts = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _metadataRequests = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeChannel(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>A client secret the token endpoint rejects as expired.</summary>
    public const string ExpiredSecret = "expired-secret";

    public static Task<FakeChannel> Shared => SharedInstance.Value;

    public X509Certificate2 Certificate { get; }
    public string HttpBase { get; private set; } = "";
    public string HttpsBase { get; private set; } = "";

    public string OpenIdMetadataUrl(string scope) => $"{HttpBase}/m/{scope}/v1/.well-known/openidconfiguration";
    public string EmulatorMetadataUrl(string scope) => $"{HttpBase}/m/{scope}/emulator/.well-known/openid-configuration";
    public string ServiceUrl(string scope) => $"{HttpBase}/t/{scope}/";

    public IReadOnlyList<RecordedRequest> ConnectorRequests(string scope) =>
        _connector.TryGetValue(scope, out var q) ? q.ToArray() : [];

    public void ScriptConnector(string scope, params (int Status, string? RetryAfter)[] responses)
    {
        var queue = _scripts.GetOrAdd(scope, _ => new ConcurrentQueue<(int, string?)>());
        foreach (var r in responses)
        {
            queue.Enqueue(r);
        }
    }

    /// <summary>Requests the Connector took (answered 2xx, or received before an <see cref="ConnectorFault.AcceptAndDrop"/>): what users see.</summary>
    public IReadOnlyList<RecordedRequest> Posted(string scope) => _posted.TryGetValue(scope, out var q) ? q.ToArray() : [];

    /// <summary>Queues faults for the next Connector requests of a scope, ahead of any scripted status.</summary>
    public void FaultConnector(string scope, params ConnectorFault[] faults)
    {
        var queue = _faults.GetOrAdd(scope, _ => new ConcurrentQueue<ConnectorFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Every Connector request of the scope hangs until <see cref="MendConnector"/>.</summary>
    public void HangConnector(string scope) => _connectorHangs[scope] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MendConnector(string scope) => Mend(_connectorHangs, scope);

    /// <summary>The OpenID metadata and key set of the scope hang until <see cref="MendMetadata"/>.</summary>
    public void HangMetadata(string scope) => _metadataHangs[scope] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MendMetadata(string scope) => Mend(_metadataHangs, scope);

    /// <summary>Token requests for this client id hang until <see cref="MendTokens"/>.</summary>
    public void HangTokens(string clientId) => _tokenHangs[clientId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MendTokens(string clientId) => Mend(_tokenHangs, clientId);

    private static void Mend(ConcurrentDictionary<string, TaskCompletionSource> hangs, string key)
    {
        if (hangs.TryRemove(key, out var hang))
        {
            hang.TrySetResult();
        }
    }

    private static async Task WaitWhileHungAsync(ConcurrentDictionary<string, TaskCompletionSource> hangs, string key, CancellationToken aborted)
    {
        if (hangs.TryGetValue(key, out var hang))
        {
            await hang.Task.WaitAsync(aborted);
        }
    }

    /// <summary>The header <see cref="AbandonedAttemptHandler"/> marks each bot-side Connector attempt with.</summary>
    public const string AttemptHeader = "x-test-attempt";

    /// <summary>
    /// The bot gave up on this attempt (its timeout or budget fired). A real Connector may still take such a request,
    /// but whether it does races the socket close; the fake decides it deterministically: an abandoned attempt that is
    /// still held when the hang is mended is dropped, so "delivered once" tests do not depend on that race.
    /// </summary>
    public void AbandonAttempt(string attemptId) => _abandonedAttempts[attemptId] = true;

    /// <summary>The body scripted error answers of this scope carry (what an attacker-controlled Connector could say).</summary>
    public void ScriptErrorBody(string scope, string body) => _errorBodies[scope] = body;

    public int JwksFetches(string scope) => _jwksFetches.TryGetValue(scope, out var n) ? n : 0;

    /// <summary>Requests for the scope's OpenID metadata document the channel has received (hung ones included).</summary>
    public int MetadataRequests(string scope) => _metadataRequests.TryGetValue(scope, out var n) ? n : 0;

    /// <summary>Connector requests of the scope the channel is still holding (hung, or not answered yet).</summary>
    public int InFlight(string scope) => _inFlight.TryGetValue(scope, out var n) ? n : 0;

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, checked again each time the channel receives, answers or drops
    /// a request: a signal, not a poll. <paramref name="within"/> of real time is only a safety net.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var safety = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(safety.Token);
            }
            catch (OperationCanceledException) when (safety.IsCancellationRequested)
            {
                throw new TimeoutException("The fake channel never saw: " + what);
            }
        }
    }

    /// <summary>Completes the next time the channel receives, answers or drops a request (take it before looking).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    private void Changed() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void PublishLateKey(string scope) => _lateKeyPublished[scope] = true;

    public IReadOnlyList<(string Path, Dictionary<string, string> Form)> TokenRequests(string clientId) =>
        _tokenRequests.Where(r => r.Form.GetValueOrDefault("client_id") == clientId).ToArray();

    private static async Task<FakeChannel> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
        });
        var app = builder.Build();
        var channel = new FakeChannel(app, certificate);
        channel.Map(app);
        await app.StartAsync();
        foreach (var url in app.Urls)
        {
            if (url.StartsWith("https://", StringComparison.Ordinal))
            {
                channel.HttpsBase = url.TrimEnd('/');
            }
            else
            {
                channel.HttpBase = url.TrimEnd('/');
            }
        }

        return channel;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/m/{scope}/v1/.well-known/openidconfiguration", async (string scope, HttpContext context) =>
        {
            _metadataRequests.AddOrUpdate(scope, 1, (_, n) => n + 1);
            Changed();
            await WaitWhileHungAsync(_metadataHangs, scope, context.RequestAborted);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = TestKeys.ChannelIssuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = $"{HttpBase}/m/{scope}/v1/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet("/m/{scope}/v1/keys", async (string scope, HttpContext context) =>
        {
            await WaitWhileHungAsync(_metadataHangs, scope, context.RequestAborted);
            _jwksFetches.AddOrUpdate(scope, 1, (_, n) => n + 1);
            Changed();
            var keys = new List<object>
            {
                TestKeys.Jwk(TestKeys.Endorsed, ["msteams", "emulator"]),
                TestKeys.Jwk(TestKeys.Unendorsed, null),
            };
            if (_lateKeyPublished.ContainsKey(scope))
            {
                keys.Add(TestKeys.Jwk(TestKeys.Late, ["msteams"]));
            }

            return Results.Json(new { keys });
        });
        app.MapGet("/m/{scope}/emulator/.well-known/openid-configuration", (string scope) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = $"{HttpBase}/m/{scope}/emulator/keys",
        }));
        app.MapGet("/m/{scope}/emulator/keys", () => Results.Json(new
        {
            keys = new[] { TestKeys.Jwk(TestKeys.Endorsed, null), TestKeys.Jwk(TestKeys.Unendorsed, null) },
        }));

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            _tokenRequests.Enqueue((context.Request.Path.Value!, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            Changed();
            await WaitWhileHungAsync(_tokenHangs, form["client_id"].ToString(), context.RequestAborted);

            if (form["client_secret"].ToString() == ExpiredSecret)
            {
                // What Entra answers for a client secret past its end date.
                return Results.Json(new Dictionary<string, object>
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "AADSTS7000222: The provided client secret keys for app are expired.",
                    ["error_codes"] = new[] { 7000222 },
                }, statusCode: 401);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = "connector-token-" + Guid.NewGuid().ToString("N"),
            });
        });

        app.Map("/t/{scope}/{**rest}", async (HttpContext context, string scope) =>
        {
            _inFlight.AddOrUpdate(scope, 1, (_, n) => n + 1);
            try
            {
                await ConnectorAsync(context, scope);
            }
            finally
            {
                _inFlight.AddOrUpdate(scope, 0, (_, n) => n - 1);
                Changed();
            }
        });
    }

    private async Task ConnectorAsync(HttpContext context, string scope)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            body,
            context.Request.Headers["x-ms-conversation-id"].ToString());
        _connector.GetOrAdd(scope, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(recorded);
        Changed();
        var posted = _posted.GetOrAdd(scope, _ => new ConcurrentQueue<RecordedRequest>());
        if (_faults.TryGetValue(scope, out var faults) && faults.TryDequeue(out var fault))
        {
            if (fault == ConnectorFault.AcceptAndDrop)
            {
                posted.Enqueue(recorded);
                context.Abort();
                return;
            }

            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        await WaitWhileHungAsync(_connectorHangs, scope, context.RequestAborted);
        if (context.Request.Headers[AttemptHeader].ToString() is { Length: > 0 } attempt && _abandonedAttempts.ContainsKey(attempt))
        {
            context.Abort();
            return;
        }

        if (_scripts.TryGetValue(scope, out var script) && script.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            await context.Response.WriteAsync(_errorBodies.GetValueOrDefault(scope, "{\"error\":{\"code\":\"Scripted\",\"message\":\"scripted\"}}"));
            return;
        }

        posted.Enqueue(recorded);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = "sent-" + Guid.NewGuid().ToString("N") }));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Kestrel needs a certificate whose private key it can use; round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
