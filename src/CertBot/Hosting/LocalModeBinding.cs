using System.Net;

namespace CertBot.Hosting;

/// <summary>
/// Decides where Kestrel listens. Without an app id the bot accepts unauthenticated requests, so it must
/// only be reachable from this machine: every configured URL is narrowed to the loopback interface.
/// </summary>
public static class LocalModeBinding
{
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Returns the URLs to listen on, or null to leave the host's own configuration alone.</summary>
    public static string[]? ResolveUrls(IConfiguration configuration, bool localMode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["urls"];
        var hasPorts = !string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]);
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (hasPorts && !localMode)
            {
                return null;
            }

            return [DefaultUrl];
        }

        var urls = configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return localMode ? urls.Select(ToLoopback).ToArray() : null;
    }

    /// <summary>Keeps loopback URLs; rewrites wildcard or external hosts to 127.0.0.1 on the same port.</summary>
    public static string ToLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var normalized = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal)
                            .Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return DefaultUrl;
        }

        if (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
        {
            return url;
        }

        return $"{uri.Scheme}://127.0.0.1:{uri.Port}";
    }
}
