using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SocialInnovation.Grains.Polls;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>
/// A grain's journal as rows of an Azure table (the storage emulator), in both layouts: appends come back
/// in order, newer than what the whole state covers; a row is never overwritten; dropped rows are gone.
/// </summary>
public sealed class TableJournalTests
{
    private static readonly GrainId Poll = GrainId.Create("poll", Guid.NewGuid().ToString("N"));

    private static TableJournal<VoteEntry> Journal(TableJournalRows layout) => new(
        new TableClient(TestStorage.ConnectionString, "journaltest" + Guid.NewGuid().ToString("N")[..12]), layout, NullLogger.Instance);

    private static VoteEntry Vote(long seq, string choice = "o1") =>
        new(seq, 1_764_000_000_000, seq + 1, Guid.NewGuid(), new Dictionary<string, int> { [choice] = 1 }, Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(TableJournalRows.OnePerEntry)]
    [InlineData(TableJournalRows.OnePerAppend)]
    public async Task Appended_entries_are_read_back_in_order_after_a_given_number_and_dropped_up_to_one(TableJournalRows layout)
    {
        var journal = Journal(layout);
        await journal.Append(Poll, [Vote(1), Vote(2), Vote(3)]);
        await journal.Append(Poll, [Vote(4, "o2")]);
        await journal.Append(Poll, [Vote(5), Vote(6)]);

        var all = await journal.Read(Poll, 0);
        var newer = await journal.Read(Poll, 2); // a whole write covered 1 and 2, inside the first append's row
        await journal.Drop(Poll, 4);
        var left = await journal.Read(Poll, 0);

        Assert.Equal([1L, 2, 3, 4, 5, 6], all.Select(e => e.Seq));
        Assert.Equal(new Dictionary<string, int> { ["o2"] = 1 }, all[3].Dots);
        Assert.Equal([3L, 4, 5, 6], newer.Select(e => e.Seq));
        Assert.Equal([5L, 6], left.Select(e => e.Seq));
        Assert.Empty(await journal.Read(GrainId.Create("poll", Guid.NewGuid().ToString("N")), 0)); // another owner's partition
    }

    [Theory]
    [InlineData(TableJournalRows.OnePerEntry)]
    [InlineData(TableJournalRows.OnePerAppend)]
    public async Task An_append_that_repeats_a_stored_number_is_refused_whole_and_overwrites_nothing(TableJournalRows layout)
    {
        var journal = Journal(layout);
        var first = Vote(1);
        await journal.Append(Poll, [first, Vote(2)]);

        // A second writer starting from the same stored state (another activation) takes the same first number.
        await Assert.ThrowsAnyAsync<Exception>(() => journal.Append(Poll, [Vote(1, "o3"), Vote(2, "o3")]));

        var read = await journal.Read(Poll, 0);
        Assert.Equal([1L, 2], read.Select(e => e.Seq));
        Assert.Equal(first.Voter, read[0].Voter);
    }

    [Fact]
    public async Task A_burst_of_more_votes_than_a_row_holds_is_stored_whole_and_read_back_in_order()
    {
        var journal = Journal(TableJournalRows.OnePerAppend);
        var burst = TableJournal<VoteEntry>.EntriesPerRow * 2 + 7;

        await journal.Append(Poll, Enumerable.Range(1, burst).Select(i => Vote(i)).ToList());

        Assert.Equal(Enumerable.Range(1, burst).Select(i => (long)i), (await journal.Read(Poll, 0)).Select(e => e.Seq));
    }
}
