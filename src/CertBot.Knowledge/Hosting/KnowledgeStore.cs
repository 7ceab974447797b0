using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// Serves the knowledge file with hot reload: loads at construction (throws <see cref="KnowledgeValidationException"/>
/// if invalid), watches the file's folder (so editors that replace the file are seen), debounces changes, and swaps in a
/// new snapshot only when the edit validates. An invalid edit is logged and the last good snapshot stays in service.
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
    private KnowledgeSnapshot _snapshot;
    private bool _disposed;

    /// <summary>Loads the file named by <paramref name="options"/> and, when <paramref name="watch"/> is true, watches it.</summary>
    public KnowledgeStore(KnowledgeOptions options, TimeProvider? clock = null, ILogger<KnowledgeStore>? logger = null, bool watch = true)
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

        var result = KnowledgeLoader.Load(_path, _validation);
        if (result.Knowledge is null)
        {
            throw new KnowledgeValidationException(result.Report);
        }

        _snapshot = Build(result);
        _timer = _clock.CreateTimer(_ => TryReload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (watch)
        {
            var directory = Path.GetDirectoryName(_path)!;
            _watcher = new FileSystemWatcher(directory)
            {
                Filter = Path.GetFileName(_path),
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
            _disposed = true;
        }

        _watcher?.Dispose();
        _timer.Dispose();
    }

    // Editors save in bursts (truncate, write, rename); restart the timer on each event and reload once it settles.
    private void OnFileEvent(object sender, FileSystemEventArgs e) => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

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
