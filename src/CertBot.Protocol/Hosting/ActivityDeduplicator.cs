using CertBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Remembers (conversation id, activity id) pairs for a few minutes so a redelivered activity runs only once.
/// Bounded: the oldest entries are dropped first when the capacity is reached.
/// </summary>
internal sealed class ActivityDeduplicator
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _window;
    private readonly int _capacity;

    public ActivityDeduplicator(IOptions<BotFrameworkOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _window = options.Value.DeduplicationWindow;
        _capacity = options.Value.DeduplicationCapacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time a pair is seen within the window; false for a repeat.</summary>
    public bool TryRegister(string conversationId, string activityId)
    {
        var key = string.Concat(conversationId, "\n", activityId);
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (_order.Peek().Expires <= now || _order.Count >= _capacity))
            {
                var (oldKey, expires) = _order.Dequeue();
                if (_seen.TryGetValue(oldKey, out var current) && current == expires)
                {
                    _seen.Remove(oldKey);
                }
            }

            if (_seen.TryGetValue(key, out var existing) && existing > now)
            {
                return false;
            }

            var expiry = now + _window;
            _seen[key] = expiry;
            _order.Enqueue((key, expiry));
            return true;
        }
    }
}
