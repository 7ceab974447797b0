using System.Security.Claims;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CertBot.Protocol.Authentication;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertBot.Benchmarks;

/// <summary>
/// Inbound authentication per request: a Bot Framework channel token (RS256) validated against signing keys
/// already fetched from a loopback OpenID metadata server (issuer, audience, lifetime, signature,
/// serviceurl claim, endorsements), as every authenticated turn pays it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
#pragma warning disable CA1001, CA1861 // Disposed in [GlobalCleanup], BenchmarkDotNet's lifetime hook.
public class ChannelTokenBenchmarks
{
    private const string AppId = "6f1f4e4c-2a1b-4c59-9d4f-8a6b1c2d3e4f";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private WebApplication _metadata = null!;
    private ChannelTokenValidator _validator = null!;
    private string _header = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench-key" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _metadata = builder.Build();
        var baseUrl = "";
        _metadata.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = baseUrl + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _metadata.MapGet("/keys", () =>
        {
            var p = key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new Dictionary<string, object>
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
                ["endorsements"] = new[] { "msteams" },
            } } });
        });
        await _metadata.StartAsync();
        baseUrl = _metadata.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var options = Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "not-used-here",
            OpenIdMetadataUrl = baseUrl + "/openid",
            AllowInsecureMetadata = true,
        });
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _validator = new ChannelTokenValidator(options, services.GetRequiredService<IHttpClientFactory>(), new TrustedServiceUrls(options), TimeProvider.System, NullLogger<ChannelTokenValidator>.Instance);

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        _header = "Bearer " + token;

        // First call fetches metadata and keys; the benchmark measures the cached path every turn takes.
        _ = await _validator.AuthenticateAsync(_header, "msteams", ServiceUrl, CancellationToken.None)
            ?? throw new InvalidOperationException("token was not accepted");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _validator.Dispose();
        await _metadata.DisposeAsync();
    }

    [Benchmark]
    public Task<ClaimsIdentity?> ValidateChannelToken() => _validator.AuthenticateAsync(_header, "msteams", ServiceUrl, CancellationToken.None);
}
