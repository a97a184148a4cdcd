namespace SocialInnovation.Grains.Common;

/// <summary>
/// The grain's side of a journal (<see cref="IJournal{TEntry}"/>): the group commit's write stores the
/// changes made since the last write as journal entries, and the whole state only when a change that has
/// no entry was made; once the journal holds <c>compactAfter</c> entries, the whole state is written in the
/// background, and the entries it covers are dropped. Used by the board (card changes) and the poll (votes).
/// </summary>
/// <remarks>
/// <para>Why: a command used to wait for a write of the whole state (a board's every card with its history,
/// a poll's every voter), because group commit has nothing to batch when one change comes at a time. Now it
/// waits for its entry, a few hundred bytes. Nobody's answer waits for the background whole write, and the
/// next journal write does not either; two whole writes never run at once (each is conditional on the one
/// before).</para>
/// <para>The background write starts only when everything in memory is already in the journal (nothing
/// arrived during the append), so the stored state never holds a change whose own write might still fail,
/// and a crash at any point leaves the state plus the newer entries, which the next activation replays
/// (<see cref="Replay"/>). An owner changed so often that no write ever ends with nothing unwritten still
/// compacts, on the write path, after <see cref="LatestFactor"/> × <c>compactAfter</c> entries.</para>
/// </remarks>
/// <param name="writeWhole">Stores the whole state (serialized as the write starts, as the storage providers do).</param>
/// <param name="storedUpTo">The sequence number of the last entry the state in memory holds: what a whole write covers.</param>
/// <param name="deactivate">Ends the activation after a failed background write (the journal still has everything).</param>
/// <param name="compactAfter">Entries stored in the journal before the state is stored whole (asked at each write).</param>
public sealed class JournaledWrites<TEntry>(
    IJournal<TEntry> journal,
    GrainId owner,
    Func<Task> writeWhole,
    Func<long> storedUpTo,
    Action deactivate,
    Func<int> compactAfter) where TEntry : IJournalEntry
{
    /// <summary>How many times <c>compactAfter</c> entries may gather before the whole write is made on the write path.</summary>
    public const int LatestFactor = 4;

    /// <summary>Changes made since the last write started: the next write stores them.</summary>
    private readonly List<TEntry> _unwritten = [];

    /// <summary>Entries stored in the journal since the state's last whole write started.</summary>
    private int _journaled;

    /// <summary>A change that has no entry was made: the next write stores the whole state.</summary>
    private bool _wholeDue;

    /// <summary>The whole write under way in the background, or null.</summary>
    private Task? _compacting;

    /// <summary>A group commit's write is under way (its entries may still fail to store).</summary>
    private bool _writing;

    /// <summary>Group commits' writes made so far, and as many as the last <see cref="CompactIfQuiet"/> saw.</summary>
    private long _writes, _writesSeen;

    /// <summary>How often the owner's timer calls <see cref="CompactIfQuiet"/>.</summary>
    public static readonly TimeSpan QuietEvery = TimeSpan.FromSeconds(10);

    /// <summary>A change with an entry, to be stored by the next write.</summary>
    public void Add(TEntry entry) => _unwritten.Add(entry);

    /// <summary>A change without an entry: the next write stores the whole state.</summary>
    public void WholeDue() => _wholeDue = true;

    /// <summary>The group commit's write: the new entries, or the whole state when it is due.</summary>
    public async Task Write()
    {
        _writes++;
        _writing = true;
        try
        {
            await WriteNow();
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task WriteNow()
    {
        var after = compactAfter();
        if (_wholeDue || _journaled + _unwritten.Count > LatestFactor * after)
        {
            _wholeDue = false;
            _unwritten.Clear();
            await Compacted(); // one whole write at a time: each is conditional on the one before
            var upTo = storedUpTo();
            await writeWhole();
            _journaled = 0;
            // Off the path of any answer: an activation skips entries the state covers anyway.
            _ = journal.Drop(owner, upTo);
            return;
        }
        var entries = _unwritten.ToArray();
        _unwritten.Clear();
        await journal.Append(owner, entries);
        _journaled += entries.Length;
        if (_journaled >= after && _unwritten.Count == 0 && Compacted().IsCompleted) _compacting = Compact();
    }

    /// <summary>
    /// Stores the whole state (serialized as the write starts, so later changes wait for the next one) and
    /// drops the entries it covers. A failure costs nothing acknowledged: the journal still holds every
    /// entry, so the activation is ended and the next one reloads and replays.
    /// </summary>
    private async Task Compact()
    {
        var upTo = storedUpTo();
        _journaled = 0;
        try
        {
            await writeWhole();
            _ = journal.Drop(owner, upTo);
        }
        catch (Exception)
        {
            // The stored ETag may no longer be ours (a write that failed late, or another activation):
            // a fresh activation reads it again instead of failing every later whole write.
            deactivate();
        }
        finally
        {
            _compacting = null;
        }
    }

    /// <summary>
    /// Called by the owner's timer every <see cref="QuietEvery"/>: once no write has come since the last call,
    /// and the journal holds entries the stored state does not, the whole state is written in the background
    /// and those entries dropped.
    /// </summary>
    /// <remarks>
    /// Why: after a burst, up to <c>compactAfter</c> − 1 entries would stay in the journal until the owner's next
    /// change, maybe never (a board after the camp, a closed poll), to be replayed by every activation. On the
    /// storage emulator they cost every table write too: it saves its whole table database every few seconds
    /// while its tables change, so rows left behind lengthen that pause for everyone (traced in the benchmark).
    /// </remarks>
    public void CompactIfQuiet()
    {
        var quiet = _writes == _writesSeen;
        _writesSeen = _writes;
        if (quiet && _journaled > 0 && _unwritten.Count == 0 && !_writing && Compacted().IsCompleted) _compacting = Compact();
    }

    /// <summary>Registers the owner's timer that calls <see cref="CompactIfQuiet"/> every <see cref="QuietEvery"/> (at activation).</summary>
    /// <remarks>
    /// The first call comes at a random point of a second period (<see cref="FirstLook"/>), so that owners activated
    /// together, every team's board at a camp's start, that fall quiet together, at a sprint's end, do not all write
    /// themselves whole in the same instant: in the boards benchmark at the full scale the hundred boards of
    /// the first shape did, 10–20 s after its last move, and the next shape's acknowledgements, which wait for
    /// storage, took up to 317–761 ms a run while its deliveries, which do not, stayed far below that.
    /// </remarks>
    public void CompactWhenQuiet(IGrainBase owner) => owner.RegisterGrainTimer(() =>
    {
        CompactIfQuiet();
        return Task.CompletedTask;
    }, new GrainTimerCreationOptions(FirstLook(Random.Shared.NextDouble()), QuietEvery));

    /// <summary>When the owner's timer first calls <see cref="CompactIfQuiet"/>: between one and two <see cref="QuietEvery"/>, by <paramref name="spread"/> (0–1).</summary>
    public static TimeSpan FirstLook(double spread) => QuietEvery + QuietEvery * Math.Clamp(spread, 0, 1);

    /// <summary>Completes once the background whole write, if any, is over (it never throws).</summary>
    public Task Compacted() => _compacting ?? Task.CompletedTask;

    /// <summary>
    /// At activation, before anything else: the entries newer than the stored state (<paramref name="after"/>),
    /// applied in order as they were first.
    /// </summary>
    public async Task Replay(long after, Action<TEntry> apply)
    {
        var entries = await journal.Read(owner, after);
        foreach (var entry in entries) apply(entry);
        _journaled = entries.Count;
    }
}
