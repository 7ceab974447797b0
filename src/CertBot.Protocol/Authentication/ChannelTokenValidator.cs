using System.Security.Claims;
using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CertBot.Protocol.Authentication;

/// <summary>
/// Validates the bearer token of an inbound activity the way the Bot Framework SDK does: channel path
/// (issuer api.botframework.com, endorsements, serviceurl claim), optional emulator/Entra path, skills rejected.
/// </summary>
public sealed class ChannelTokenValidator : IDisposable
{
    /// <summary>Named HttpClient used to fetch OpenID metadata and JWKS.</summary>
    public const string MetadataHttpClientName = "CertBot.OpenIdMetadata";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotFrameworkOptions _options;
    private readonly TrustedServiceUrls _trustedServiceUrls;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly HttpClient _metadataClient;
    private readonly SigningMetadata _channelMetadata;
    private readonly SigningMetadata _emulatorMetadata;

    public ChannelTokenValidator(
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        TrustedServiceUrls trustedServiceUrls,
        TimeProvider clock,
        ILogger<ChannelTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _trustedServiceUrls = trustedServiceUrls;
        _logger = logger;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _metadataClient = httpClientFactory.CreateClient(MetadataHttpClientName);
        var retriever = new HttpDocumentRetriever(_metadataClient) { RequireHttps = !_options.AllowInsecureMetadata };
        _channelMetadata = new SigningMetadata(
            _options.OpenIdMetadataUrl, retriever, clock, _options.SigningKeysRefreshInterval, _options.SigningKeysMaxAge, _options.MetadataTimeout, logger);
        _emulatorMetadata = new SigningMetadata(
            _options.EmulatorOpenIdMetadataUrl, retriever, clock, _options.SigningKeysRefreshInterval, _options.SigningKeysMaxAge, _options.MetadataTimeout, logger);
    }

    /// <summary>When the channel's signing keys in use were fetched; null when none are usable (or in local mode, where none are needed).</summary>
    public DateTimeOffset? ChannelKeysFetchedAt => _channelMetadata.KeysFetchedAt;

    /// <summary>True when tokens can be checked: local mode, or usable channel keys held or fetched within <paramref name="cancellationToken"/>.</summary>
    public Task<bool> EnsureSigningKeysAsync(CancellationToken cancellationToken) =>
        _options.IsLocalMode ? Task.FromResult(true) : _channelMetadata.EnsureKeysAsync(cancellationToken);

    /// <summary>
    /// Authenticates a request. Returns null (anonymous) in local mode; otherwise the validated identity, or throws
    /// <see cref="ChannelAuthenticationException"/>. On success the activity's serviceUrl becomes trusted for the token.
    /// </summary>
    public async Task<ClaimsIdentity?> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            // Local (emulator / console) mode: the SDK's "auth disabled" case. Tokens are not checked.
            return null;
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            throw new ChannelAuthenticationException("missing Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            throw new ChannelAuthenticationException("Authorization header is not 'Bearer <token>'");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException ex)
        {
            throw new ChannelAuthenticationException("token is not a JWT", ex);
        }

        if (IsSkillToken(unvalidated))
        {
            throw new ChannelAuthenticationException("skill tokens are not accepted");
        }

        if (_options.EnableEmulatorAuthentication && IsEmulatorIssuer(unvalidated))
        {
            return await ValidateEmulatorAsync(parts[1], unvalidated, cancellationToken).ConfigureAwait(false);
        }

        return await ValidateChannelAsync(parts[1], channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClaimsIdentity> ValidateChannelAsync(
        string token, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var (result, config) = await ValidateSignedAsync(
            token, _channelMetadata, [_options.ChannelIssuer], cancellationToken).ConfigureAwait(false);

        var claimedServiceUrl = result.ClaimsIdentity.FindFirst(BotFrameworkIssuers.ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(claimedServiceUrl))
        {
            throw new ChannelAuthenticationException("channel token has no serviceurl claim");
        }

        if (!string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelAuthenticationException("serviceurl claim does not match activity.serviceUrl");
        }

        var kid = ((JsonWebToken)result.SecurityToken).Kid;
        if (string.IsNullOrEmpty(channelId) || !KeyEndorses(config, kid, channelId))
        {
            throw new ChannelAuthenticationException("signing key is not endorsed for the activity's channel");
        }

        _trustedServiceUrls.TrustValidated(claimedServiceUrl);
        return result.ClaimsIdentity;
    }

    private async Task<ClaimsIdentity> ValidateEmulatorAsync(string token, JsonWebToken unvalidated, CancellationToken cancellationToken)
    {
        var (result, _) = await ValidateSignedAsync(
            token, _emulatorMetadata, EmulatorIssuers(unvalidated), cancellationToken).ConfigureAwait(false);

        var version = result.ClaimsIdentity.FindFirst(BotFrameworkIssuers.VersionClaim)?.Value;
        var appIdClaim = version switch
        {
            null or "" or "1.0" => BotFrameworkIssuers.AppIdClaim,
            "2.0" => BotFrameworkIssuers.AuthorizedPartyClaim,
            _ => throw new ChannelAuthenticationException("emulator token has an unknown 'ver'"),
        };

        var appId = result.ClaimsIdentity.FindFirst(appIdClaim)?.Value;
        if (!string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal))
        {
            throw new ChannelAuthenticationException($"emulator token's {appIdClaim} is not this bot's app id");
        }

        return result.ClaimsIdentity;
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Config)> ValidateSignedAsync(
        string token,
        SigningMetadata metadata,
        IEnumerable<string> issuers,
        CancellationToken cancellationToken)
    {
        var config = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        var parameters = CreateParameters(issuers, config);
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: refresh once before rejecting a token signed by an unknown key.
            _logger.RefreshingSigningKeys();
            config = await metadata.RefreshAsync(cancellationToken).ConfigureAwait(false);
            parameters = CreateParameters(issuers, config);
            result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            throw new ChannelAuthenticationException(DescribeFailure(result.Exception));
        }

        return (result, config);
    }

    private TokenValidationParameters CreateParameters(IEnumerable<string> issuers, OpenIdConnectConfiguration config) => new()
    {
        ValidIssuers = issuers,
        ValidateIssuer = true,
        ValidAudience = _options.MicrosoftAppId,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        // IdentityModel reads the system clock; the bot's TimeProvider decides instead, so tests can move time.
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
        SaveSigninToken = false,
    };

    /// <summary>The token's lifetime against the registered clock, within <see cref="ClockSkew"/>, with IdentityModel's own exceptions.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("token has no expiry");
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        if (notBefore is { } from && from > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("token not yet valid") { NotBefore = from };
        }

        if (expires.Value < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("token expired") { Expires = expires.Value };
        }

        return true;
    }

    private bool IsSkillToken(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(BotFrameworkIssuers.VersionClaim, out var version) || string.IsNullOrEmpty(version))
        {
            return false;
        }

        var audience = token.Audiences.FirstOrDefault();
        if (audience is null || string.Equals(audience, _options.ChannelIssuer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var appIdClaim = version == "2.0" ? BotFrameworkIssuers.AuthorizedPartyClaim : BotFrameworkIssuers.AppIdClaim;
        token.TryGetPayloadValue<string>(appIdClaim, out var appId);
        return string.Equals(appId, "AnonymousSkill", StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(appId) && !string.Equals(appId, audience, StringComparison.Ordinal));
    }

    private bool IsEmulatorIssuer(JsonWebToken token) =>
        !string.Equals(token.Issuer, _options.ChannelIssuer, StringComparison.Ordinal)
        && EmulatorIssuers(token).Contains(token.Issuer, StringComparer.Ordinal);

    private List<string> EmulatorIssuers(JsonWebToken token)
    {
        var issuers = new List<string>(BotFrameworkIssuers.Emulator);
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            issuers.AddRange(BotFrameworkIssuers.ForTenant(_options.MicrosoftAppTenantId));
        }

        if (token.TryGetPayloadValue<string>(BotFrameworkIssuers.TenantIdClaim, out var tenantId) && Guid.TryParse(tenantId, out _))
        {
            issuers.AddRange(BotFrameworkIssuers.ForTenant(tenantId));
        }

        return issuers;
    }

    private static bool KeyEndorses(OpenIdConnectConfiguration config, string kid, string channelId)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return false;
        }

        if (raw is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && string.Equals(item.GetString(), channelId, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        return raw is IEnumerable<object> list && list.Any(e => string.Equals(e?.ToString(), channelId, StringComparison.Ordinal));
    }

    private static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "invalid issuer",
        SecurityTokenInvalidAudienceException => "invalid audience",
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenMalformedException => "malformed token",
        null => "token rejected",
        _ => exception.GetType().Name,
    };

    public void Dispose() => _metadataClient.Dispose();
}
