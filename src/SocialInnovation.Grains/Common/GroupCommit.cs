namespace SocialInnovation.Grains.Common;

/// <summary>
/// Stores a grain's state with group commit: changes made while a write is in flight (in a reentrant
/// grain) are stored together by the next write, and each <see cref="Commit"/> completes when the write
/// holding its change is stored. So 64 people claiming one invite at once are a few writes, not 64 in a
/// row. A failed write fails every caller waiting for it and drops the activation (memory is ahead of
/// storage), and the activation refuses further commits.
/// </summary>
/// <param name="write">Stores the whole state (and does whatever must follow a stored write).</param>
/// <param name="failed">Called once when a write failed, before the waiting callers hear of it.</param>
public sealed class GroupCommit(Func<Task> write, Action<Exception> failed)
{
    private TaskCompletionSource? _current;
    private TaskCompletionSource? _next;

    public Exception? Broken { get; private set; }

    /// <summary>Completes when every change made so far is stored; starts a write if none is in flight.</summary>
    public Task Commit()
    {
        if (Broken is not null) return Task.FromException(Broken);
        var waiter = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_current is null) _ = WriteLoop();
        return waiter.Task;
    }

    /// <summary>Completes when the changes made so far are stored, without asking for a write (a retry's wait).</summary>
    public Task Settled() => (_next ?? _current)?.Task ?? Task.CompletedTask;

    private async Task WriteLoop()
    {
        while (_next is { } current)
        {
            _current = current;
            _next = null;
            try
            {
                await write();
            }
            catch (Exception ex)
            {
                Broken = ex;
                failed(ex);
                current.TrySetException(ex);
                _next?.TrySetException(ex);
                _next = null;
                break;
            }
            current.TrySetResult();
        }
        _current = null;
    }
}
