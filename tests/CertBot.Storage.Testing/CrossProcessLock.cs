namespace CertBot.Storage.Testing;

/// <summary>
/// A lock shared by every process on the machine (a named mutex), held until disposed. Waiting blocks a thread of its
/// own until the holder lets go (or dies: the mutex is then abandoned and passes on), so nobody polls. A mutex belongs
/// to the thread that took it, so that thread holds it until <see cref="DisposeAsync"/> asks it to let go.
/// </summary>
internal sealed class CrossProcessLock : IAsyncDisposable
{
    private readonly ManualResetEventSlim _release;
    private readonly Task _released;

    private CrossProcessLock(ManualResetEventSlim release, Task released)
    {
        _release = release;
        _released = released;
    }

    /// <summary>Takes the lock named <paramref name="name"/> (machine-wide); <paramref name="cancellationToken"/> ends the wait for it.</summary>
    public static async Task<CrossProcessLock> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var acquired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        var owner = new Thread(() => Hold(name, acquired, release, released, cancellationToken)) { IsBackground = true, Name = "lock " + name };
        owner.Start();
        try
        {
            await acquired.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The owner thread may still wait for the mutex (it then sees the token and lets go once it has it) or have
            // just taken it (it lets go now).
            release.Set();
            throw;
        }

        return new CrossProcessLock(release, released.Task);
    }

    public async ValueTask DisposeAsync()
    {
        _release.Set();
        await _released.ConfigureAwait(false);
        _release.Dispose();
    }

    private static void Hold(string name, TaskCompletionSource acquired, ManualResetEventSlim release, TaskCompletionSource released, CancellationToken cancellationToken)
    {
        try
        {
            // "Global\": one lock for every session of the machine, not only this login's.
            using var mutex = new Mutex(initiallyOwned: false, @"Global\" + name);
            try
            {
                // A named mutex cannot be waited on together with the token's handle on Unix: the caller stops waiting
                // on the token instead, and a lock taken after that is let go at once below.
                mutex.WaitOne();
            }
            catch (AbandonedMutexException)
            {
                // The previous holder died holding it: this thread owns it now, and whatever it guarded is redone anyway.
            }

            if (cancellationToken.IsCancellationRequested)
            {
                acquired.TrySetCanceled(cancellationToken);
            }
            else
            {
                acquired.TrySetResult();
                // Held until the holder disposes it, whatever the token that bounded the wait for it does meanwhile.
                release.Wait(CancellationToken.None);
            }

            mutex.ReleaseMutex();
        }
#pragma warning disable CA1031 // Whatever failed is the caller's to see, on the task it awaits.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            acquired.TrySetException(ex);
        }
        finally
        {
            released.TrySetResult();
        }
    }
}
