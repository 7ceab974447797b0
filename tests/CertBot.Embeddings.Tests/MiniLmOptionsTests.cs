namespace CertBot.Embeddings.Tests;

public sealed class MiniLmOptionsTests
{
    [Fact]
    public void ResolveCacheDirectory_NotSet_IsCertbotModelsUnderTemp()
    {
        Assert.Equal(Path.Combine(Path.GetTempPath(), "certbot-models"), new MiniLmOptions().ResolveCacheDirectory());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(513)]
    public async Task LoadAsync_MaxTokensOutOfRange_Throws(int maxTokens)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { MaxTokens = maxTokens }));
    }

    [Fact]
    public async Task LoadAsync_ZeroBatchSize_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { MaxBatchSize = 0 }));
    }
}
