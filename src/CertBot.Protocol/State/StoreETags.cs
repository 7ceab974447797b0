using System.Security.Cryptography;
using System.Text;

namespace CertBot.Protocol.State;

/// <summary>ETag conventions shared by the storage providers.</summary>
public static class StoreETags
{
    /// <summary>The precondition that matches any stored document, or none (an unconditional write).</summary>
    public const string Any = "*";

    /// <summary>A fresh ETag for providers that make their own.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>True for "*": the write or delete ignores what is stored.</summary>
    public static bool IsUnconditional(string? etag) => etag == Any;

    /// <summary>True for null: the write must create the document.</summary>
    public static bool IsCreateOnly(string? etag) => etag is null;

    /// <summary>A short hash so errors can name a key without revealing user or conversation ids.</summary>
    public static string KeyHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6));
    }

    /// <summary>The exception every provider throws for a failed precondition, naming the key only by its hash.</summary>
    public static StorageConcurrencyException Conflict(string key) =>
        new($"ETag precondition failed for a state document (key hash {KeyHash(key)}).");
}
