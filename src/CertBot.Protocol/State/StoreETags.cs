using System.Security.Cryptography;
using System.Text;

namespace CertBot.Protocol.State;

/// <summary>ETag conventions shared by the storage providers.</summary>
internal static class StoreETags
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsUnconditional(string? etag) => etag is null || etag == "*";

    /// <summary>A short hash so errors can name a key without revealing user or conversation ids.</summary>
    public static string KeyHash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6));
}
