using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// Who is on a board now. Nothing is stored: the stream log's "write" does nothing, so each activation
/// is a new epoch and a watcher of an older one simply gets the current list as a snapshot.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed class BoardPresenceGrain(TimeProvider clock) : Grain, IBoardPresenceGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(15);

    private readonly Dictionary<Guid, (Watcher Watcher, DateTimeOffset Seen)> _here = [];
    private StreamLog _log = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var teamId = this.GetPrimaryKey(out var campKey);
        _log = new StreamLog(PresenceStreams.For(Guid.ParseExact(campKey!, "N"), teamId), new StreamLogState(), () => Task.CompletedTask,
            DeactivateOnIdle, this, clock, new StreamLogOptions(Keep: 20, VisibleBeforeStored: true));
        this.RegisterGrainTimer(() => Prune(), new GrainTimerCreationOptions(PruneEvery, PruneEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task<BoardPresence> Report(Guid personId, string name, ReportPresence report)
    {
        var before = View();
        // Whoever went quiet is dropped before anyone's report is answered, not only when the timer next
        // fires: what a report returns and publishes never lists someone who stopped reporting.
        Forget(clock.GetUtcNow());
        if (report.Leaving) _here.Remove(personId);
        else _here[personId] = (new Watcher(personId, name, report.Dragging), clock.GetUtcNow());
        await PublishIfChanged(before);
        return View();
    }

    public async Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after)
    {
        // A new watcher is not shown people who went quiet since the timer last fired.
        await Prune();
        return _log.CatchUp(after, View);
    }

    private async Task Prune()
    {
        var before = View();
        Forget(clock.GetUtcNow());
        await PublishIfChanged(before);
    }

    /// <summary>A watcher whose page stopped reporting (closed, offline, asleep) for longer than <see cref="Expiry"/> has left.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var gone in _here.Where(h => now - h.Value.Seen > Expiry).Select(h => h.Key).ToList()) _here.Remove(gone);
    }

    private async Task PublishIfChanged(BoardPresence before)
    {
        var now = View();
        if (before.Watchers.SequenceEqual(now.Watchers)) return;
        _log.Append("PresenceChanged", now);
        await _log.Commit();
    }

    private BoardPresence View() => new(_here.Values.Select(h => h.Watcher).OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.PersonId).ToList());
}
