namespace CertBot.Storage.AzureBlob.Tests;

public sealed class BlobKeyCodecTests
{
    [Theory]
    [InlineData("msteams/users/29:abc", "msteams%2Fusers%2F29%3Aabc")]
    [InlineData("a.b.", "a%2Eb%2E")]
    [InlineData("é", "%C3%A9")]
    [InlineData("plain-key_1", "plain-key_1")]
    public void Encode_KnownKeys_GivesSafeNames(string key, string expected)
    {
        Assert.Equal(expected, BlobKeyCodec.Encode(key));
        Assert.Equal(key, BlobKeyCodec.Decode(expected));
    }

    [Theory]
    [InlineData("certbot/curator/records/", "certbot/curator/records/2026-x")]
    [InlineData("msteams/conversations/19:", "msteams/conversations/19:é🎓")]
    public void Encode_PrefixOfKey_IsPrefixOfName(string prefix, string key) =>
        Assert.StartsWith(BlobKeyCodec.EncodePrefix(prefix), BlobKeyCodec.Encode(key), StringComparison.Ordinal);

    [Fact]
    public void Encode_VeryLongKey_FitsAzureLimit_AndStaysDistinct()
    {
        var a = BlobKeyCodec.Encode(new string('x', 5000) + "a");
        var b = BlobKeyCodec.Encode(new string('x', 5000) + "b");

        Assert.True(a.Length <= BlobKeyCodec.MaxBlobNameLength);
        Assert.NotEqual(a, b);
        Assert.True(BlobKeyCodec.IsHashed(a));
        Assert.False(BlobKeyCodec.IsHashed(BlobKeyCodec.Encode("short")));
    }
}
