using System.Buffers;
using System.Diagnostics;
using CertBot.Embeddings.Inference;
using CertBot.Embeddings.Model;
using CertBot.Embeddings.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace CertBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length) computed locally with ONNX Runtime.
/// Thread-safe: one instance serves every turn. Create it with <see cref="LoadAsync"/>.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id reported in metadata and on every embedding.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The provider name reported in metadata.</summary>
    public const string ProviderName = "onnxruntime";

    /// <summary>Length of every embedding vector.</summary>
    public const int Dimensions = 384;

    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";
    private const string LastHiddenState = "last_hidden_state";

    private static readonly string[] OutputNames = [LastHiddenState];

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly MiniLmTokenizer _tokenizer;
    private readonly int _maxBatchSize;
    private readonly string[] _inputNames;
    private volatile bool _disposed;

    private MiniLmEmbeddingGenerator(
        InferenceSession session, SessionOptions sessionOptions, MiniLmTokenizer tokenizer, MiniLmOptions options, ModelCacheFile cache, string fingerprint)
    {
        Fingerprint = fingerprint;
        _session = session;
        _sessionOptions = sessionOptions;
        _tokenizer = tokenizer;
        _maxBatchSize = options.MaxBatchSize;
        MaxTokens = options.MaxTokens;
        ModelPath = cache.Path;
        CacheState = cache.State;
        _inputNames = CheckModelShape(session);
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    }

    /// <summary>Provider, model id and dimensions, as also returned by <see cref="GetService"/>.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>
    /// What the vectors depend on, as one string: the model file's hash, the vocabulary's, the input length and the
    /// code that tokenizes and runs it. Vectors kept under one fingerprint are valid exactly while it is unchanged.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>Token budget per input; longer inputs are truncated.</summary>
    public int MaxTokens { get; }

    /// <summary>The model file the ONNX Runtime session was created from.</summary>
    internal string ModelPath { get; }

    /// <summary>Whether loading reused, wrote or replaced the cached model file.</summary>
    internal ModelCacheState CacheState { get; }

    internal MiniLmTokenizer Tokenizer => _tokenizer;

    /// <summary>
    /// Extracts the model to the cache folder if needed and opens it (about 0.5-2 s; run it in the background at
    /// start-up). The returned generator owns native memory: dispose it with the host.
    /// </summary>
    public static Task<MiniLmEmbeddingGenerator> LoadAsync(
        MiniLmOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new MiniLmOptions();
        options.Validate();
        logger ??= NullLogger.Instance;

        // Task.Run: hashing or copying 90 MB and building the session are CPU- and disk-bound and must not hold
        // up the caller's start-up path.
        return Task.Run(() => LoadCoreAsync(options, logger, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new ArgumentException($"{ModelId} produces {Dimensions}-dimensional embeddings only; {dimensions} were asked for.", nameof(options));
        }

        // Cancellation surfaces as a cancelled task, as callers awaiting an async API expect; the work itself is
        // CPU-bound and runs on the caller's thread (a few milliseconds per input).
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(cancellationToken);
        }

        var encoded = new List<IReadOnlyList<int>>();
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            encoded.Add(_tokenizer.Encode(value));
        }

        try
        {
            return Task.FromResult(Generate(encoded, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(cancellationToken);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return Metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Releases the ONNX Runtime session; calls in flight must have finished.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private static async Task<MiniLmEmbeddingGenerator> LoadCoreAsync(MiniLmOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ModelCacheFile cache;
        MiniLmTokenizer tokenizer;
        string fingerprint;
        using (var carrier = WeightsCarrier.Open())
        {
            cache = await ModelCacheFile.EnsureAsync(carrier, options.ResolveCacheDirectory(), cancellationToken).ConfigureAwait(false);
            using var vocabulary = new MemoryStream();
            using (var embedded = carrier.OpenVocabulary())
            {
                await embedded.CopyToAsync(vocabulary, cancellationToken).ConfigureAwait(false);
            }

            fingerprint = ModelFingerprint.Of(cache.Hash, vocabulary.ToArray(), options.MaxTokens);
            vocabulary.Position = 0;
            tokenizer = MiniLmTokenizer.Create(vocabulary, options.MaxTokens);
        }

        if (cache.State == ModelCacheState.Replaced)
        {
            MiniLmEmbeddingGeneratorLog.CacheReplaced(logger, cache.Path);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var sessionOptions = SessionTuning.CreateOptions();
        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(cache.Path, sessionOptions);
            var generator = new MiniLmEmbeddingGenerator(session, sessionOptions, tokenizer, options, cache, fingerprint);
            var elapsedMilliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            MiniLmEmbeddingGeneratorLog.Loaded(logger, elapsedMilliseconds, cache.Path, cache.State, options.MaxTokens);
            return generator;
        }
        catch
        {
            session?.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    private static string[] CheckModelShape(InferenceSession session)
    {
        foreach (var required in new[] { InputIds, AttentionMask })
        {
            if (!session.InputMetadata.ContainsKey(required))
            {
                throw new InvalidOperationException($"The model has no '{required}' input; inputs: {string.Join(", ", session.InputMetadata.Keys)}.");
            }
        }

        if (!session.OutputMetadata.TryGetValue(LastHiddenState, out var output)
            || output.Dimensions.Length != 3 || output.Dimensions[2] != Dimensions)
        {
            throw new InvalidOperationException($"The model has no '{LastHiddenState}' output of shape [batch, sequence, {Dimensions}].");
        }

        // Some exports drop token_type_ids (it is all zeros for single sentences); feed it only when asked for.
        return session.InputMetadata.ContainsKey(TokenTypeIds)
            ? [InputIds, AttentionMask, TokenTypeIds]
            : [InputIds, AttentionMask];
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(List<IReadOnlyList<int>> encoded, CancellationToken cancellationToken)
    {
        var embeddings = new List<Embedding<float>>(encoded.Count);
        long tokenCount = 0;
        for (var start = 0; start < encoded.Count; start += _maxBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = encoded.GetRange(start, Math.Min(_maxBatchSize, encoded.Count - start));
            foreach (var vector in RunBatch(batch, cancellationToken))
            {
                embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId });
            }

            tokenCount += batch.Sum(ids => (long)ids.Count);
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
    }

    private float[][] RunBatch(List<IReadOnlyList<int>> batch, CancellationToken cancellationToken)
    {
        // Pads to the longest input of this batch only; the mask keeps padding out of attention and pooling,
        // so a batched vector equals the one computed alone up to float rounding.
        var sequenceLength = batch.Max(ids => ids.Count);
        var cells = batch.Count * sequenceLength;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = ArrayPool<long>.Shared.Rent(cells);
        var hidden = ArrayPool<float>.Shared.Rent(cells * Dimensions);
        try
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var tokens = batch[row];
                var offset = row * sequenceLength;
                for (var column = 0; column < sequenceLength; column++)
                {
                    var real = column < tokens.Count;
                    ids[offset + column] = real ? tokens[column] : _tokenizer.PaddingTokenId;
                    mask[offset + column] = real ? 1 : 0;
                }
            }

            Array.Clear(types, 0, cells);
            Run(ids, mask, types, hidden, batch.Count, sequenceLength, cancellationToken);

            var vectors = new float[batch.Count][];
            for (var row = 0; row < batch.Count; row++)
            {
                vectors[row] = new float[Dimensions];
                MeanPooling.PoolAndNormalize(
                    hidden.AsSpan(row * sequenceLength * Dimensions, sequenceLength * Dimensions),
                    mask.AsSpan(row * sequenceLength, sequenceLength),
                    vectors[row]);
            }

            return vectors;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
            ArrayPool<float>.Shared.Return(hidden);
        }
    }

    private void Run(long[] ids, long[] mask, long[] types, float[] hidden, int batchSize, int sequenceLength, CancellationToken cancellationToken)
    {
        var cells = batchSize * sequenceLength;
        long[] inputShape = [batchSize, sequenceLength];
        long[] outputShape = [batchSize, sequenceLength, Dimensions];
        var memory = OrtMemoryInfo.DefaultInstance;

        // OrtValues over pooled managed arrays: ONNX Runtime reads the inputs and writes the output in place,
        // with no per-call copies or native output allocation.
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memory, ids.AsMemory(0, cells), inputShape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(memory, mask.AsMemory(0, cells), inputShape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(memory, types.AsMemory(0, cells), inputShape);
        using var hiddenValue = OrtValue.CreateTensorValueFromMemory(memory, hidden.AsMemory(0, cells * Dimensions), outputShape);
        OrtValue[] inputs = _inputNames.Length == 3 ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];

        ObjectDisposedException.ThrowIf(_disposed, this);
        using var runOptions = new RunOptions();
        // A cancelled turn stops the model mid-run instead of finishing work nobody will read.
        using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        try
        {
            _session.Run(runOptions, _inputNames, inputs, OutputNames, [hiddenValue]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
