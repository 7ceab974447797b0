using Microsoft.Extensions.AI;

namespace CertBot.Embeddings.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private const string ExamCost = "How much does the exam cost?";

    private static readonly string LongMessage = string.Join(' ', Enumerable.Repeat(
        "I have been a backend developer for five years and would like to move into cloud architecture", 40));

    [Fact]
    public async Task GenerateAsync_Text_Returns384UnitLengthVector()
    {
        var vector = await fixture.EmbedAsync(ExamCost);

        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public async Task GenerateAsync_SameTextTwice_ReturnsSameVector()
    {
        var first = await fixture.EmbedAsync(ExamCost);
        var second = await fixture.EmbedAsync(ExamCost);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsCloserThanUnrelatedQuestion()
    {
        var question = await fixture.EmbedAsync(ExamCost);
        var paraphrase = await fixture.EmbedAsync("What is the price of the certification test?");
        var unrelated = await fixture.EmbedAsync("Is the AWS specialty exam retired?");

        // Measured 0.78 against 0.37: a margin of 0.2 fails if pooling, masking or tokenization goes wrong.
        Assert.True(
            MiniLmFixture.Cosine(question, paraphrase) > MiniLmFixture.Cosine(question, unrelated) + 0.2f,
            $"paraphrase {MiniLmFixture.Cosine(question, paraphrase):F3}, unrelated {MiniLmFixture.Cosine(question, unrelated):F3}");
    }

    [Fact]
    public async Task GenerateAsync_JobDescription_IsCloserToMatchingRoleThanOtherRole()
    {
        var description = await fixture.EmbedAsync("I build iOS apps");
        var matching = await fixture.EmbedAsync("mobile developer");
        var other = await fixture.EmbedAsync("statistician");

        // Measured 0.57 against 0.01.
        Assert.True(
            MiniLmFixture.Cosine(description, matching) > MiniLmFixture.Cosine(description, other) + 0.3f,
            $"matching {MiniLmFixture.Cosine(description, matching):F3}, other {MiniLmFixture.Cosine(description, other):F3}");
    }

    [Fact]
    public async Task GenerateAsync_AccentedWord_EqualsUnaccentedWord()
    {
        var accented = await fixture.EmbedAsync("Can you review my résumé?");
        var plain = await fixture.EmbedAsync("can you review my resume?");

        Assert.Equal(1.0f, MiniLmFixture.Cosine(accented, plain), 5);
    }

    [Fact]
    public async Task GenerateAsync_InputLongerThanTokenBudget_IsTruncatedNotRejected()
    {
        var result = await fixture.Generator.GenerateAsync([LongMessage]);

        Assert.Equal(384, result[0].Vector.Length);
        Assert.Equal(fixture.Generator.MaxTokens, result.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_TextDifferingOnlyAfterTokenBudget_ReturnsSameVector()
    {
        var truncated = await fixture.EmbedAsync(LongMessage);
        var withDifferentTail = await fixture.EmbedAsync(LongMessage + " and also statistics, poetry and gardening");

        Assert.Equal(truncated, withDifferentTail);
    }

    [Fact]
    public async Task GenerateAsync_EmptyOrWhitespace_ReturnsEmbeddingOfEmptySentence()
    {
        // Defined behaviour: like sentence-transformers, an empty input is the embedding of "[CLS] [SEP]" — a valid
        // unit vector that is far from any real question — rather than an exception in the middle of a turn.
        var empty = await fixture.EmbedAsync(string.Empty);
        var blank = await fixture.EmbedAsync("   \t");
        var question = await fixture.EmbedAsync(ExamCost);

        Assert.Equal(empty, blank);
        Assert.Equal(1.0, Math.Sqrt(empty.Sum(v => (double)v * v)), 4);
        Assert.True(MiniLmFixture.Cosine(empty, question) < 0.5f);
    }

    [Fact]
    public async Task GenerateAsync_NullInput_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.Generator.GenerateAsync([ExamCost, null!]));
    }

    [Fact]
    public async Task GenerateAsync_Batch_EqualsSingleInputsWithin1e4()
    {
        string[] texts =
        [
            "hi",
            ExamCost,
            "Which Azure certification should a data engineer with three years of Spark experience take first?",
            LongMessage,
            string.Empty,
        ];

        var batch = await fixture.Generator.GenerateAsync(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = await fixture.EmbedAsync(texts[i]);
            var batched = batch[i].Vector.ToArray();
            Assert.All(single.Zip(batched), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= 1e-4f, $"input {i}: {pair.First} vs {pair.Second}"));
        }
    }

    [Fact]
    public async Task GenerateAsync_MoreInputsThanBatchSize_ReturnsOneEmbeddingPerInputInOrder()
    {
        var texts = Enumerable.Range(0, 70).Select(i => i % 2 == 0 ? ExamCost : $"question number {i}").ToArray();

        var result = await fixture.Generator.GenerateAsync(texts);

        Assert.Equal(70, result.Count);
        var expected = await fixture.EmbedAsync(ExamCost);
        Assert.Equal(1.0f, MiniLmFixture.Cosine(expected, result[68].Vector.ToArray()), 4);
        Assert.NotEqual(1.0f, MiniLmFixture.Cosine(expected, result[69].Vector.ToArray()), 2);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_ThrowsWithoutRunning()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Generator.GenerateAsync([ExamCost], cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task GenerateAsync_CancelledWhileRunning_Throws()
    {
        // 256 inputs of 128 tokens take seconds; the token fires long before the last batch.
        var texts = Enumerable.Repeat(LongMessage, 256).ToArray();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Generator.GenerateAsync(texts, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task GenerateAsync_EightParallelCallers_GetSameResultsAsSequential()
    {
        var texts = Enumerable.Range(0, 8).Select(i => $"Which certification suits a cloud engineer with {i} years of experience?").ToArray();
        var sequential = new List<float[]>();
        foreach (var text in texts)
        {
            sequential.Add(await fixture.EmbedAsync(text));
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var mine = new List<float[]>();
            for (var round = 0; round < 5; round++)
            {
                mine.Add(await fixture.EmbedAsync(texts[(i + round) % texts.Length]));
            }

            return mine;
        })));

        for (var i = 0; i < 8; i++)
        {
            for (var round = 0; round < 5; round++)
            {
                Assert.Equal(sequential[(i + round) % texts.Length], parallel[i][round]);
            }
        }
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsRequested_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Generator.GenerateAsync([ExamCost], new EmbeddingGenerationOptions { Dimensions = 128 }));
    }

    [Fact]
    public async Task GenerateAsync_Result_CarriesModelIdAndTokenUsage()
    {
        var result = await fixture.Generator.GenerateAsync([ExamCost, "hi"]);

        Assert.All(result, e => Assert.Equal("all-MiniLM-L6-v2", e.ModelId));
        // [CLS] how much does the exam cost ? [SEP] = 9, [CLS] hi [SEP] = 3.
        Assert.Equal(12, result.Usage?.InputTokenCount);
    }

    [Fact]
    public void GetService_Metadata_DescribesModel()
    {
        var metadata = fixture.Generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("onnxruntime", metadata.ProviderName);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void GetService_OwnTypeOrInterface_ReturnsSelfAndOtherwiseNull()
    {
        Assert.Same(fixture.Generator, fixture.Generator.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Same(fixture.Generator, fixture.Generator.GetService<MiniLmEmbeddingGenerator>());
        Assert.Null(fixture.Generator.GetService<string>());
        Assert.Null(fixture.Generator.GetService(typeof(MiniLmEmbeddingGenerator), serviceKey: "other"));
    }
}
