using CertBot.Embeddings.Inference;

namespace CertBot.Embeddings.Tests;

public sealed class MeanPoolingTests
{
    [Fact]
    public void PoolAndNormalize_PaddedTokens_AreIgnored()
    {
        // Two real tokens (1,0) and (0,1) and one padding token that would dominate if counted.
        float[] hidden = [1, 0, 0, 1, 100, -100];
        long[] mask = [1, 1, 0];
        var destination = new float[2];

        MeanPooling.PoolAndNormalize(hidden, mask, destination);

        var expected = (float)(1 / Math.Sqrt(2));
        Assert.Equal(expected, destination[0], 6);
        Assert.Equal(expected, destination[1], 6);
    }

    [Fact]
    public void PoolAndNormalize_VectorWiderThanSimdWidth_HasUnitLength()
    {
        var dimensions = 384;
        var hidden = Enumerable.Range(0, 3 * dimensions).Select(i => (float)Math.Sin(i)).ToArray();
        var destination = new float[dimensions];

        MeanPooling.PoolAndNormalize(hidden, [1, 1, 1], destination);

        Assert.Equal(1.0, Math.Sqrt(destination.Sum(v => (double)v * v)), 5);
        var unnormalisedFirst = (Math.Sin(0) + Math.Sin(dimensions) + Math.Sin(2 * dimensions)) / 3;
        Assert.Equal(Math.Sign(unnormalisedFirst), Math.Sign(destination[0]));
    }

    [Fact]
    public void PoolAndNormalize_MismatchedShapes_Throws()
    {
        Assert.Throws<ArgumentException>(() => MeanPooling.PoolAndNormalize(new float[5], new long[2], new float[2]));
    }
}
