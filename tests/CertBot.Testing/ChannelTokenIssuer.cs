using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertBot.Testing;

/// <summary>
/// Stands in for the Bot Framework channel's token service: publishes OpenID metadata and an endorsed signing key on a
/// loopback port and mints channel tokens with that key, so a bot host can run with authentication on in tests.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    /// <summary>The issuer of channel tokens (Bot Framework's, which the bot accepts).</summary>
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The password the host is configured with; no outbound token is fetched in the tests that use it.</summary>
    public const string AppPassword = "test-secret";

    private const string KeyId = "certbot-test-key";
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] Endorsements = ["msteams", "emulator"];
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private ChannelTokenIssuer(WebApplication app, RsaSecurityKey key, string baseAddress)
    {
        _app = app;
        _key = key;
        OpenIdMetadataUrl = baseAddress + "/v1/.well-known/openidconfiguration";
    }

    /// <summary>A fresh bot app id the tokens are minted for.</summary>
    public string AppId { get; } = Guid.NewGuid().ToString();

    /// <summary>Where the host reads the signing keys (plain HTTP, so the host needs AllowInsecureMetadata).</summary>
    public string OpenIdMetadataUrl { get; }

    /// <summary>Command-line settings that turn a CertBot host's authentication on against this issuer.</summary>
    public IReadOnlyList<string> HostArguments =>
    [
        $"--MicrosoftAppId={AppId}",
        "--MicrosoftAppType=MultiTenant",
        $"--MicrosoftAppPassword={AppPassword}",
        $"--BotFramework:OpenIdMetadataUrl={OpenIdMetadataUrl}",
        "--BotFramework:AllowInsecureMetadata=true",
    ];

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwks = new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                    // The bot only trusts a key the metadata endorses for the activity's channel.
                    ["endorsements"] = Endorsements,
                },
            },
        };
        app.MapGet("/v1/keys", () => Results.Json(jwks));
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/v1/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new ChannelTokenIssuer(app, key, address);
    }

    /// <summary>A channel token for <paramref name="serviceUrl"/>, addressed to <see cref="AppId"/> unless another audience is given.</summary>
    public string Mint(string serviceUrl, string? audience = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
