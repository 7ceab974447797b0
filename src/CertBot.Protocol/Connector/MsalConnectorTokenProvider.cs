using CertBot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CertBot.Protocol.Connector;

/// <summary>
/// Gets Connector tokens from Entra with MSAL: client credentials (MultiTenant authority
/// <c>/botframework.com</c>, SingleTenant <c>/{tenant}</c>) or a user-assigned managed identity. One MSAL
/// application per process, so its in-memory cache serves repeat calls until the token nears expiry.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    /// <summary>Named HttpClient MSAL uses (tests point it at a loopback token server).</summary>
    public const string HttpClientName = "CertBot.Msal";

    private readonly BotFrameworkOptions _options;
    private readonly string[] _scopes;
    private readonly IConfidentialClientApplication? _confidential;
    private readonly IManagedIdentityApplication? _managedIdentity;

    public MsalConnectorTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _scopes = [_options.OAuthScope];
        if (_options.IsLocalMode)
        {
            return;
        }

        var msalHttp = new MsalHttpClientFactory(httpClientFactory);
        if (_options.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId!))
                .WithHttpClientFactory(msalHttp)
                .Build();
            return;
        }

        var tenant = _options.MicrosoftAppType == BotAppType.SingleTenant ? _options.MicrosoftAppTenantId : "botframework.com";
        _confidential = ConfidentialClientApplicationBuilder
            .Create(_options.MicrosoftAppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithAuthority($"{_options.AuthorityHost.TrimEnd('/')}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(msalHttp)
            .Build();
    }

    /// <summary>The authority token requests go to (null for managed identity or local mode).</summary>
    public string? Authority => _confidential?.Authority;

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_confidential is not null)
        {
            var result = await _confidential.AcquireTokenForClient(_scopes)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        if (_managedIdentity is not null)
        {
            // Managed identity takes a resource, not a scope.
            var resource = _options.OAuthScope.EndsWith("/.default", StringComparison.Ordinal)
                ? _options.OAuthScope[..^"/.default".Length]
                : _options.OAuthScope;
            var result = await _managedIdentity.AcquireTokenForManagedIdentity(resource)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        return null;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
