using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertBot.Storage.AzureBlob;

/// <summary>
/// Turns any store key into a valid blob name and back. Every character other than ASCII letters, digits, '-' and
/// '_' is percent-encoded (UTF-8), '/' and '.' included, so names never end in a dot or slash, never form virtual
/// folders, and the encoding of a prefix is a prefix of the encoding (listing by prefix works). A name longer than
/// Azure's 1,024 characters keeps its first part and ends in '~' and a hash; its key then travels in metadata.
/// </summary>
internal static class BlobKeyCodec
{
    public const int MaxBlobNameLength = 1024;
    public const string KeyMetadata = "certbotkey";
    private const int HashedHeadLength = 960;

    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var encoded = Escape(key);
        if (encoded.Length <= MaxBlobNameLength)
        {
            return encoded;
        }

        // 128 bits of SHA-256 keep distinct keys apart; head + "~" + 32 hex digits = 993 characters.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToLowerInvariant();
        return string.Concat(encoded.AsSpan(0, HashedHeadLength), "~", hash);
    }

    /// <summary>The encoded prefix to list by (never hashed: a prefix longer than a blob name matches nothing useful).</summary>
    public static string EncodePrefix(string prefix) => Escape(prefix);

    public static bool IsHashed(string blobName) => blobName.Contains('~', StringComparison.Ordinal);

    public static string Decode(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var bytes = new List<byte>(blobName.Length);
        for (var i = 0; i < blobName.Length; i++)
        {
            var c = blobName[i];
            if (c == '%' && i + 2 < blobName.Length)
            {
                bytes.Add(byte.Parse(blobName.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string Escape(string key)
    {
        var builder = new StringBuilder(key.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in key.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_'))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var written = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < written; i++)
            {
                builder.Append('%').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
