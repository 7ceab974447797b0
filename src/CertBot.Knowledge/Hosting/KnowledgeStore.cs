using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// Serves the knowledge with hot reload: the facts file and its text files (<see cref="KnowledgeFiles"/>), one
/// <see cref="KnowledgeSnapshot"/> per locale with text (English always), together one <see cref="KnowledgeGeneration"/>.
/// Loads at construction (throws <see cref="KnowledgeValidationException"/> if invalid), watches the files' folder (so
/// editors that replace a file are seen, and a new language's file is picked up), debounces changes, and swaps in a new
/// generation only when every file validates. An invalid edit is logged and the last good generation stays in service.
/// With an embedding generator, each locale's FAQ entry vectors (from its own phrasings) are computed in the background,
/// one locale after the other, and swapped in with it, so requests never wait for them (they match lexically until then).
/// </summary>
public sealed class KnowledgeStore : IKnowledgeSource, IDisposable
{
    private readonly string _path;
    private readonly KnowledgeValidationOptions _validation;
    private readonly FaqMatcherOptions _matcherOptions;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _timer;
    private readonly Lock _reloadGate = new();
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly PhrasingVectorCache? _vectorCache;
    private readonly CancellationTokenSource _stopping = new();
    private KnowledgeGeneration _generation;
    private volatile int _semanticStatus;
    private bool _disposed;

    /// <summary>Loads the file named by <paramref name="options"/> and, when <paramref name="watch"/> is true, watches it.</summary>
    /// <param name="vectorCache">Where the phrasings' vectors are kept between runs, so only new phrasings are embedded; none embeds them all.</param>
    public KnowledgeStore(
        KnowledgeOptions options,
        TimeProvider? clock = null,
        ILogger<KnowledgeStore>? logger = null,
        bool watch = true,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null,
        PhrasingVectorCache? vectorCache = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<KnowledgeStore>.Instance;
        _path = options.ResolvePath();
        _validation = new KnowledgeValidationOptions
        {
            StaleAfterDays = options.StaleAfterDays,
            MaxAnswerChars = options.MaxAnswerChars,
            Clock = _clock,
        };
        _matcherOptions = options.Matcher;
        _debounce = TimeSpan.FromMilliseconds(Math.Max(0, options.ReloadDebounceMilliseconds));
        _embeddings = options.Semantic.Enabled ? embeddings : null;
        _vectorCache = vectorCache;
        SemanticIndexing = Task.CompletedTask;

        var result = KnowledgeLoader.LoadAll(_path, _validation);
        if (result.Knowledge is null)
        {
            throw new KnowledgeValidationException(result.Report);
        }

        _generation = Build(result);
        StartIndexing(_generation);
        _timer = _clock.CreateTimer(_ => TryReload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (watch)
        {
            var directory = Path.GetDirectoryName(_path)!;
            _watcher = new FileSystemWatcher(directory)
            {
                // The facts file and every text file named after it (knowledge.yaml, knowledge.en.yaml, knowledge.fr.yaml).
                Filter = KnowledgeFiles.Find(_path).WatchFilter,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Raised after a valid edit has been swapped in, with the new generation's English snapshot.</summary>
    public event EventHandler<KnowledgeSnapshot>? Reloaded;

    /// <summary>The absolute path of the facts file being served.</summary>
    public string FilePath => _path;

    /// <summary>The generation in service: a snapshot per locale.</summary>
    public KnowledgeGeneration Generation => Volatile.Read(ref _generation);

    /// <inheritdoc />
    public KnowledgeSnapshot Snapshot => Generation.English;

    /// <inheritdoc />
    public KnowledgeSnapshot SnapshotFor(string? locale) => Generation.For(locale);

    /// <inheritdoc />
    public KnowledgeBase Current => Snapshot.Knowledge;

    /// <inheritdoc />
    public FaqMatcher Matcher => Snapshot.Matcher;

    /// <summary>Where the semantic indexes of the knowledge in service stand (Ready once every locale has its own).</summary>
    public SemanticIndexStatus SemanticStatus => (SemanticIndexStatus)_semanticStatus;

    /// <summary>Completes when the entry vectors of the latest generation, every locale's, are in place (or failed); for tests and start-up.</summary>
    public Task SemanticIndexing { get; private set; }

    /// <summary>Reloads now; returns the report. The generation changes only when no file has errors.</summary>
    public ValidationReport TryReload()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return new ValidationReport([]);
            }

            try
            {
                var result = KnowledgeLoader.LoadAll(_path, _validation);
                if (result.Knowledge is null)
                {
                    KnowledgeStoreLog.ReloadRejected(_logger, _path, result.Report.Format());
                    return result.Report;
                }

                var generation = Build(result);
                Volatile.Write(ref _generation, generation);
                StartIndexing(generation);
                Reloaded?.Invoke(this, generation.English);
                return result.Report;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                KnowledgeStoreLog.ReloadFailed(_logger, _path, ex);
                return new ValidationReport([new ValidationIssue(ValidationSeverity.Error, _path, 1, 1, ex.Message)]);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stopping.Cancel();
        _watcher?.Dispose();
        _timer.Dispose();
        _stopping.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => NoticeFileChange();

    // Editors save in bursts (truncate, write, rename); restart the timer on each event and reload once it settles.
    // Internal so tests can drive the debounce on a fake clock without waiting for the operating system's watcher.
    internal void NoticeFileChange() => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

    private void StartIndexing(KnowledgeGeneration generation)
    {
        if (_embeddings is null)
        {
            _semanticStatus = (int)SemanticIndexStatus.Disabled;
            return;
        }

        // A reload keeps serving the old vectors' status until the new ones land; only the first build says Building.
        if (SemanticStatus != SemanticIndexStatus.Ready)
        {
            _semanticStatus = (int)SemanticIndexStatus.Building;
        }

        var token = _stopping.Token;
        SemanticIndexing = Task.Run(() => IndexAsync(generation, _embeddings, token), token);
    }

    // One locale after the other, English first: the model shares the machine with the turns being served.
    private async Task IndexAsync(KnowledgeGeneration generation, IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken cancellationToken)
    {
        try
        {
            // The first locale's time includes opening the cache (waiting for the model's fingerprint, reading the file),
            // so the logged figure stays the time from the start of the build to that locale's index, cached or not.
            var started = _clock.GetTimestamp();
            if (_vectorCache is not null)
            {
                embeddings = await _vectorCache.OpenAsync(embeddings, cancellationToken).ConfigureAwait(false);
            }

            foreach (var snapshot in generation.Snapshots)
            {
                var index = await FaqSemanticIndex.BuildAsync(snapshot.Knowledge.Faqs, embeddings, cancellationToken).ConfigureAwait(false);
                // Only for the generation it was built from: if a newer edit landed meanwhile, that one builds its own.
                if (!TrySwapIn(snapshot, snapshot with { Semantic = index }))
                {
                    return;
                }

                var elapsed = _clock.GetElapsedTime(started);
                KnowledgeStoreLog.SemanticIndexBuilt(_logger, snapshot.Knowledge.Faqs.Count, snapshot.Locale, elapsed.TotalMilliseconds);
                started = _clock.GetTimestamp();
            }

            _semanticStatus = (int)SemanticIndexStatus.Ready;
        }
        catch (OperationCanceledException)
        {
            // Shutting down: this token, or the model's own loading cancelled by the host stopping, before it was ready.
        }
#pragma warning disable CA1031 // Any failure of the model leaves lexical matching in service; it must not take the bot down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _semanticStatus = (int)SemanticIndexStatus.Failed;
            KnowledgeStoreLog.SemanticIndexFailed(_logger, ex);
        }
    }

    // Replaces one locale's snapshot in the generation in service, unless that generation has been replaced by a reload.
    private bool TrySwapIn(KnowledgeSnapshot built, KnowledgeSnapshot indexed)
    {
        while (true)
        {
            var current = Volatile.Read(ref _generation);
            if (!current.Locales.Contains(built.Locale) || !ReferenceEquals(current.For(built.Locale), built))
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _generation, current.With(indexed), current), current))
            {
                return true;
            }
        }
    }

    private KnowledgeGeneration Build(LocalizedKnowledgeLoadResult result)
    {
        if (result.Report.Issues.Count > 0)
        {
            KnowledgeStoreLog.LoadedWithWarnings(_logger, _path, result.Report.Format());
        }

        var loadedAt = _clock.GetUtcNow();
        var snapshots = result.Knowledge!.ToDictionary(
            pair => pair.Key,
            pair => new KnowledgeSnapshot(pair.Value, new FaqMatcher(pair.Value, _matcherOptions), new Recommender(pair.Value), loadedAt) { Locale = pair.Key },
            StringComparer.Ordinal);
        var generation = new KnowledgeGeneration(snapshots);
        var english = generation.English.Knowledge;
        var locales = string.Join(", ", generation.Locales.Order(StringComparer.Ordinal));
        KnowledgeStoreLog.Loaded(_logger, _path, english.Version, english.Faqs.Count, english.Credentials.Count, locales);
        return generation;
    }
}
