using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Tests.Common;

/// <summary>
/// The shared journal mechanics on their own (no silo): an owner gone quiet is stored whole and its
/// journal emptied by its timer's second look, never while a write is under way.
/// </summary>
public sealed class JournaledWritesTests
{
    private sealed record Entry(long Seq) : IJournalEntry;

    /// <summary>A journal in memory whose appends can be held.</summary>
    private sealed class Journal : IJournal<Entry>
    {
        public readonly List<Entry> Rows = [];
        public TaskCompletionSource? Hold;

        public async Task Append(GrainId owner, IReadOnlyList<Entry> entries)
        {
            if (Hold is { } hold) await hold.Task;
            Rows.AddRange(entries);
        }

        public Task<IReadOnlyList<Entry>> Read(GrainId owner, long after) =>
            Task.FromResult<IReadOnlyList<Entry>>(Rows.Where(e => e.Seq > after).ToList());

        public Task Drop(GrainId owner, long upTo)
        {
            Rows.RemoveAll(e => e.Seq <= upTo);
            return Task.CompletedTask;
        }
    }

    private readonly Journal _journal = new();
    private long _seq;
    private long _storedWhole;
    private readonly JournaledWrites<Entry> _writes;

    public JournaledWritesTests() =>
        _writes = new JournaledWrites<Entry>(_journal, GrainId.Create("test", "owner"),
            () => { _storedWhole = _seq; return Task.CompletedTask; }, () => _seq, () => { }, () => 16);

    private Task Change()
    {
        _writes.Add(new Entry(++_seq));
        return _writes.Write();
    }

    [Fact]
    public async Task An_owner_gone_quiet_is_stored_whole_and_its_journal_emptied_on_the_second_look()
    {
        for (var i = 0; i < 5; i++) await Change();

        _writes.CompactIfQuiet(); // writes came since the last look: not quiet yet
        Assert.Equal(0, _storedWhole);
        Assert.Equal(5, _journal.Rows.Count);

        _writes.CompactIfQuiet(); // nothing since: quiet
        await _writes.Compacted();
        Assert.Equal(5, _storedWhole);
        Assert.Empty(_journal.Rows);

        _writes.CompactIfQuiet(); // nothing left in the journal: no whole write again
        Assert.Equal(5, _storedWhole);
    }

    [Fact]
    public async Task A_write_under_way_is_never_stored_whole_before_its_own_entries_are()
    {
        await Change();
        _writes.CompactIfQuiet();
        _journal.Hold = new TaskCompletionSource();
        _writes.Add(new Entry(++_seq));
        var writing = _writes.Write(); // its entry may still fail to store

        _writes.CompactIfQuiet();
        _writes.CompactIfQuiet();
        Assert.Equal(0, _storedWhole);

        _journal.Hold.SetResult();
        await writing;
        _writes.CompactIfQuiet();
        await _writes.Compacted();
        Assert.Equal(2, _storedWhole);
        Assert.Empty(_journal.Rows);
    }

    [Fact]
    public void Owners_activated_together_take_their_first_look_at_different_moments_of_a_second_period()
    {
        var every = JournaledWrites<Entry>.QuietEvery;
        Assert.Equal(every, JournaledWrites<Entry>.FirstLook(0));
        Assert.Equal(every * 1.5, JournaledWrites<Entry>.FirstLook(0.5));
        Assert.Equal(every * 2, JournaledWrites<Entry>.FirstLook(1));
    }

    [Fact]
    public void An_owner_that_never_changed_is_not_written()
    {
        _writes.CompactIfQuiet();
        _writes.CompactIfQuiet();
        Assert.Equal(0, _storedWhole);
    }
}
