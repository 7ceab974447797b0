using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// Serves the knowledge file with hot reload: loads at construction (throws <see cref="KnowledgeValidationException"/>
/// if invalid), watches the file's folder (so editors that replace the file are seen), debounces changes, and swaps in a
/// new snapshot only when the edit validates. An invalid edit is logged and the last good snapshot stays in service.
/// With an embedding generator, each generation's FAQ entry vectors are computed in the background and swapped in
/// with it, so requests never wait for them (they match lexically until then).
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
    private readonly CancellationTokenSource _stopping = new();
    private KnowledgeSnapshot _snapshot;
    private volatile int _semanticStatus;
    private bool _disposed;

    /// <summary>Loads the file named by <paramref name="options"/> and, when <paramref name="watch"/> is true, watches it.</summary>
    public KnowledgeStore(
        KnowledgeOptions options,
        TimeProvider? clock = null,
        ILogger<KnowledgeStore>? logger = null,
        bool watch = true,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
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
        SemanticIndexing = Task.CompletedTask;

        var result = KnowledgeLoader.Load(_path, _validation);
        if (result.Knowledge is null)
        {
            throw new KnowledgeValidationException(result.Report);
        }

        _snapshot = Build(result);
        StartIndexing(_snapshot);
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

    /// <summary>Raised after a valid edit has been swapped in.</summary>
    public event EventHandler<KnowledgeSnapshot>? Reloaded;

    /// <summary>The absolute path being served.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public KnowledgeSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <inheritdoc />
    public KnowledgeBase Current => Snapshot.Knowledge;

    /// <inheritdoc />
    public FaqMatcher Matcher => Snapshot.Matcher;

    /// <summary>Where the semantic index of the knowledge in service stands.</summary>
    public SemanticIndexStatus SemanticStatus => (SemanticIndexStatus)_semanticStatus;

    /// <summary>Completes when the entry vectors of the latest generation are in place (or failed); for tests and start-up.</summary>
    public Task SemanticIndexing { get; private set; }

    /// <summary>Reloads now; returns the report. The snapshot changes only when the file has no errors.</summary>
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
                var result = KnowledgeLoader.Load(_path, _validation);
                if (result.Knowledge is null)
                {
                    KnowledgeStoreLog.ReloadRejected(_logger, _path, result.Report.Format());
                    return result.Report;
                }

                var snapshot = Build(result);
                Volatile.Write(ref _snapshot, snapshot);
                StartIndexing(snapshot);
                Reloaded?.Invoke(this, snapshot);
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

    private void StartIndexing(KnowledgeSnapshot snapshot)
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
        SemanticIndexing = Task.Run(() => IndexAsync(snapshot, _embeddings, token), token);
    }

    private async Task IndexAsync(KnowledgeSnapshot snapshot, IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken cancellationToken)
    {
        try
        {
            var started = _clock.GetTimestamp();
            var index = await FaqSemanticIndex.BuildAsync(snapshot.Knowledge.Faqs, embeddings, cancellationToken).ConfigureAwait(false);
            // Only for the generation it was built from: if a newer edit landed meanwhile, that one builds its own.
            if (ReferenceEquals(Interlocked.CompareExchange(ref _snapshot, snapshot with { Semantic = index }, snapshot), snapshot))
            {
                _semanticStatus = (int)SemanticIndexStatus.Ready;
                var elapsed = _clock.GetElapsedTime(started);
                KnowledgeStoreLog.SemanticIndexBuilt(_logger, snapshot.Knowledge.Faqs.Count, elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // Any failure of the model leaves lexical matching in service; it must not take the bot down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _semanticStatus = (int)SemanticIndexStatus.Failed;
            KnowledgeStoreLog.SemanticIndexFailed(_logger, ex);
        }
    }

    private KnowledgeSnapshot Build(KnowledgeLoadResult result)
    {
        var knowledge = result.Knowledge!;
        if (result.Report.Issues.Count > 0)
        {
            KnowledgeStoreLog.LoadedWithWarnings(_logger, _path, result.Report.Format());
        }

        KnowledgeStoreLog.Loaded(_logger, _path, knowledge.Version, knowledge.Faqs.Count, knowledge.Credentials.Count);
        return new KnowledgeSnapshot(knowledge, new FaqMatcher(knowledge, _matcherOptions), new Recommender(knowledge), _clock.GetUtcNow());
    }
}
