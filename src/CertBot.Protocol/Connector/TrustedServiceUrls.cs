using CertBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Connector;

/// <summary>
/// Decides which service URLs may receive the bot's bearer token (SSRF guard): those vouched for by the
/// <c>serviceurl</c> claim of an authenticated activity, plus https URLs on configured hosts.
/// </summary>
public sealed class TrustedServiceUrls
{
    // Teams uses a handful of regional service URLs; the cap only guards against unbounded growth.
    private const int MaxRemembered = 1024;

    private readonly HashSet<string> _validatedAuthorities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _allowedHosts;

    public TrustedServiceUrls(IOptions<BotFrameworkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowedHosts = new HashSet<string>(options.Value.TrustedServiceUrlHosts, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Records a service URL taken from a validated token's <c>serviceurl</c> claim.</summary>
    public void TrustValidated(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return;
        }

        lock (_gate)
        {
            if (_validatedAuthorities.Count < MaxRemembered)
            {
                _validatedAuthorities.Add(uri.GetLeftPart(UriPartial.Authority));
            }
        }
    }

    /// <summary>True when the token may be sent to <paramref name="serviceUrl"/>.</summary>
    public bool IsTrusted(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (serviceUrl.Scheme == Uri.UriSchemeHttps && _allowedHosts.Contains(serviceUrl.Host))
        {
            return true;
        }

        lock (_gate)
        {
            return _validatedAuthorities.Contains(serviceUrl.GetLeftPart(UriPartial.Authority));
        }
    }
}
